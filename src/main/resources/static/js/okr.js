/*
 * The OKR pages' small behaviours, beside tandem.js (deferred, so the page is parsed when it
 * runs). No inline script: every hook is a data-* attribute or an id.
 */
(function () {
	"use strict";

	/* A button with data-print prints the page (the review); the print stylesheet lays it out. */
	document.querySelectorAll("[data-print]").forEach(function (button) {
		button.addEventListener("click", function () {
			window.print();
		});
	});

	/* A select with data-submit-on-change submits its form: the review's cycle picker. */
	document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
		select.addEventListener("change", function () {
			select.form.requestSubmit();
		});
	});

	/* The key result form shows the metric's fields only for a metric; without script it shows them always. */
	var type = document.getElementById("field-type");
	var metric = document.querySelector("fieldset[data-kr-type]");
	if (type && metric) {
		var show = function () {
			metric.hidden = type.value !== metric.getAttribute("data-kr-type");
		};
		type.addEventListener("change", show);
		show();
	}

	/* The new cycle form shows only the chosen period's inputs; without script it shows all three. */
	var periods = document.querySelectorAll("input[type=radio][name=period]");
	var periodFields = document.querySelectorAll("fieldset[data-cycle-period]");
	if (periods.length && periodFields.length) {
		var showPeriod = function () {
			var chosen = document.querySelector("input[type=radio][name=period]:checked");
			periodFields.forEach(function (fieldset) {
				fieldset.hidden = chosen !== null && fieldset.getAttribute("data-cycle-period") !== chosen.value;
			});
		};
		periods.forEach(function (radio) {
			radio.addEventListener("change", showPeriod);
		});
		showPeriod();
	}
})();
