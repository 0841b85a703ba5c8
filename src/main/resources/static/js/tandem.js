/*
 * Tandem's own small behaviours. Loaded (not deferred) in <head> by the layout, before htmx
 * and Chart.js (both deferred), so that it can mark the page as scripted before the first
 * paint; everything else waits for DOMContentLoaded, by which time both libraries are there.
 * No inline script anywhere: the content security policy allows scripts from 'self' only.
 */
(function () {
	"use strict";

	// CSS folds the phone navigation behind a button only when script can unfold it again.
	document.documentElement.classList.add("js");

	var charts = {
		colours: function () {
			var style = getComputedStyle(document.documentElement);
			var read = function (name) {
				return style.getPropertyValue(name).trim();
			};
			return {
				series: [read("--color-primary"), read("--stale-solid"), read("--amber-solid"), read("--green-solid")],
				text: read("--color-text-muted"),
				grid: read("--color-border"),
				target: read("--red-solid"),
				band: read("--green-bg"),
				median: read("--neutral-solid"),
				expected: read("--neutral-fg"),
				// "window": a stretch of time to mark, such as a cycle on the review's charts
				zones: { green: read("--green-bg"), amber: read("--amber-bg"), red: read("--red-bg"), window: read("--color-primary-soft") }
			};
		},

		json: function (canvas, name) {
			var value = canvas.getAttribute(name);
			if (!value) {
				return [];
			}
			try {
				return JSON.parse(value);
			} catch (e) {
				console.warn("Tandem: " + name + " is not valid JSON on", canvas);
				return [];
			}
		},

		number: function (canvas, name) {
			var value = canvas.getAttribute(name);
			return value === null || value === "" ? null : Number(value);
		},

		/* A constant line across the chart, as a dataset, so that the legend and tooltip name it. */
		line: function (label, value, count, colour, dash) {
			return {
				label: label,
				data: new Array(count).fill(value),
				borderColor: colour,
				borderWidth: 1.5,
				borderDash: dash,
				pointRadius: 0,
				pointHitRadius: 0,
				fill: false,
				type: "line"
			};
		},

		config: function (canvas) {
			var colours = charts.colours();
			var type = canvas.getAttribute("data-chart") || "line";
			var labels = charts.json(canvas, "data-labels");
			var unit = canvas.getAttribute("data-unit") || "";
			var compact = canvas.hasAttribute("data-compact");
			var zones = charts.json(canvas, "data-zones");
			var datasets = charts.json(canvas, "data-series").map(function (series, index) {
				var colour = colours.series[index % colours.series.length];
				if (series.kind === "expected" || series.kind === "reference") {
					return {
						label: series.label,
						data: series.values,
						borderColor: colours.expected,
						borderWidth: 1.5,
						borderDash: series.kind === "expected" ? [6, 4] : [2, 3],
						pointRadius: 0,
						pointHitRadius: 0,
						tension: 0,
						spanGaps: true,
						fill: false
					};
				}
				return {
					label: series.label,
					data: series.values,
					borderColor: colour,
					backgroundColor: type === "bar" ? colour : colour + "22",
					borderWidth: 2,
					pointRadius: compact ? 0 : 2.5,
					pointHoverRadius: 4,
					tension: 0.25,
					spanGaps: true,
					fill: compact && type === "line"
				};
			});
			var lower = charts.number(canvas, "data-band-lower");
			var upper = charts.number(canvas, "data-band-upper");
			if (lower !== null && upper !== null) {
				var top = charts.line("Desired range", upper, labels.length, colours.band, []);
				top.backgroundColor = colours.band;
				top.borderColor = "transparent";
				top.fill = "+1";
				datasets.push(top, charts.line("Lower bound", lower, labels.length, "transparent", []));
			}
			var target = charts.number(canvas, "data-target");
			if (target !== null) {
				datasets.push(charts.line("Target", target, labels.length, colours.target, [6, 4]));
			}
			var median = charts.number(canvas, "data-median");
			if (median !== null) {
				datasets.push(charts.line("Median", median, labels.length, colours.median, [2, 3]));
			}
			var withUnit = function (value) {
				return value + unit;
			};
			return {
				type: type,
				data: { labels: labels, datasets: datasets },
				options: {
					responsive: true,
					maintainAspectRatio: false,
					animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : { duration: 300 },
					interaction: { mode: "index", intersect: false },
					plugins: {
						// fills (the desired band, a sparkline's area) go under every line, the target line included
						filler: { drawTime: "beforeDatasetsDraw" },
						tandemZones: { zones: zones, colours: colours.zones },
						legend: {
							display: !compact && datasets.length > 1,
							position: "bottom",
							labels: {
								color: colours.text,
								boxWidth: 12,
								filter: function (item) {
									return item.text !== "Lower bound";
								}
							}
						},
						tooltip: {
							enabled: !compact,
							filter: function (item) {
								return item.dataset.label !== "Lower bound";
							},
							callbacks: {
								label: function (context) {
									return context.dataset.label + ": " + withUnit(context.formattedValue);
								}
							}
						}
					},
					scales: {
						x: {
							display: !compact,
							grid: { display: false },
							ticks: { color: colours.text, maxRotation: 0, autoSkipPadding: 12 }
						},
						y: {
							display: !compact,
							// the zone boundaries nearest the data stay in view, so that the target is always on the chart
							suggestedMin: charts.bound(zones, Math.min),
							suggestedMax: charts.bound(zones, Math.max),
							min: charts.number(canvas, "data-min") === null ? undefined : charts.number(canvas, "data-min"),
							max: charts.number(canvas, "data-max") === null ? undefined : charts.number(canvas, "data-max"),
							grid: { color: colours.grid },
							border: { display: false },
							ticks: { color: colours.text, callback: withUnit }
						}
					}
				}
			};
		},

		/* The lowest (or highest) finite zone boundary, for the y axis to include; undefined without zones. */
		bound: function (zones, pick) {
			var values = [];
			zones.forEach(function (point) {
				point.forEach(function (zone) {
					if (zone.from !== null) {
						values.push(zone.from);
					}
					if (zone.to !== null) {
						values.push(zone.to);
					}
				});
			});
			return values.length ? pick.apply(null, values) : undefined;
		},

		/*
		 * Draws each period's green, amber and red zones as bands behind the lines: data-zones holds
		 * one list of {from, to, status} per point (or a single list for every point), from and to
		 * null where a zone is open. Seasonal thresholds and a trajectory's expectation move them.
		 */
		zonesPlugin: {
			id: "tandemZones",
			beforeDatasetsDraw: function (chart, args, options) {
				var zones = options && options.zones;
				var count = chart.data.labels.length;
				if (!zones || !zones.length || !count) {
					return;
				}
				var area = chart.chartArea;
				var x = chart.scales.x;
				var y = chart.scales.y;
				var ctx = chart.ctx;
				ctx.save();
				ctx.beginPath();
				ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
				ctx.clip();
				for (var i = 0; i < count; i++) {
					var centre = x.getPixelForValue(i);
					var left = i === 0 ? area.left : (x.getPixelForValue(i - 1) + centre) / 2;
					var right = i === count - 1 ? area.right : (x.getPixelForValue(i + 1) + centre) / 2;
					(zones.length === 1 ? zones[0] : zones[i] || []).forEach(function (zone) {
						var top = zone.to === null ? area.top : y.getPixelForValue(zone.to);
						var bottom = zone.from === null ? area.bottom : y.getPixelForValue(zone.from);
						ctx.fillStyle = options.colours[zone.status] || "transparent";
						ctx.fillRect(left, Math.min(top, bottom), right - left + 0.5, Math.abs(bottom - top));
					});
				}
				ctx.restore();
			}
		},

		draw: function (root) {
			if (typeof Chart === "undefined") {
				return;
			}
			if (!charts.registered) {
				Chart.register(charts.zonesPlugin);
				charts.registered = true;
			}
			root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
				if (!Chart.getChart(canvas)) {
					new Chart(canvas, charts.config(canvas));
				}
			});
		},

		/* htmx is about to replace these elements: free their charts first. */
		release: function (root) {
			if (typeof Chart === "undefined") {
				return;
			}
			root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
				var chart = Chart.getChart(canvas);
				if (chart) {
					chart.destroy();
				}
			});
		}
	};

	var navigation = {
		init: function () {
			var header = document.querySelector(".site-header");
			var toggle = header && header.querySelector(".nav-toggle");
			if (!toggle) {
				return;
			}
			// the button keeps its name ("Menu"); aria-expanded tells whether the menu is open
			var setOpen = function (open) {
				header.classList.toggle("is-open", open);
				toggle.setAttribute("aria-expanded", String(open));
			};
			toggle.addEventListener("click", function () {
				setOpen(!header.classList.contains("is-open"));
			});
			document.addEventListener("keydown", function (event) {
				if (event.key === "Escape" && header.classList.contains("is-open")) {
					setOpen(false);
					toggle.focus();
				}
			});
		}
	};

	var menus = {
		/* <details> menus close on Escape and on a click elsewhere, as a menu is expected to. */
		init: function () {
			document.addEventListener("click", function (event) {
				document.querySelectorAll(".user-menu details[open]").forEach(function (menu) {
					if (!menu.contains(event.target)) {
						menu.removeAttribute("open");
					}
				});
			});
			document.addEventListener("keydown", function (event) {
				if (event.key !== "Escape") {
					return;
				}
				document.querySelectorAll(".user-menu details[open]").forEach(function (menu) {
					menu.removeAttribute("open");
					menu.querySelector("summary").focus();
				});
			});
		}
	};

	var forms = {
		/* A form with data-upload-progress="id" shows its upload's progress in that <progress> while htmx sends it. */
		uploads: function () {
			document.body.addEventListener("htmx:xhr:progress", function (event) {
				var form = event.target.closest && event.target.closest("form[data-upload-progress]");
				var bar = form && document.getElementById(form.getAttribute("data-upload-progress"));
				if (!bar || !event.detail.lengthComputable) {
					return;
				}
				var percent = Math.round(event.detail.loaded / event.detail.total * 100);
				bar.hidden = false;
				bar.value = percent;
				bar.textContent = percent + "%";
			});
			document.body.addEventListener("htmx:afterRequest", function (event) {
				var form = event.target.closest && event.target.closest("form[data-upload-progress]");
				var bar = form && document.getElementById(form.getAttribute("data-upload-progress"));
				if (bar) {
					bar.value = 100;
					window.setTimeout(function () {
						bar.hidden = true;
						bar.value = 0;
					}, 800);
				}
			});
		},

		/* The KPI form shows only the chosen shape's thresholds; without script it shows all three. */
		shapes: function () {
			var select = document.getElementById("field-shape");
			if (!select) {
				return;
			}
			var show = function () {
				document.querySelectorAll("fieldset[data-shape]").forEach(function (fieldset) {
					fieldset.hidden = fieldset.getAttribute("data-shape") !== select.value;
				});
			};
			select.addEventListener("change", show);
			show();
		}
	};

	var toasts = {
		show: function (message) {
			var region = document.getElementById("toasts");
			if (!region) {
				return;
			}
			var toast = document.createElement("div");
			toast.className = "toast";
			toast.textContent = message;
			region.appendChild(toast);
			window.setTimeout(function () {
				toast.remove();
			}, 6000);
		}
	};

	var htmxSupport = {
		init: function () {
			if (typeof htmx === "undefined") {
				return;
			}
			var token = document.querySelector('meta[name="csrf-token"]');
			var header = document.querySelector('meta[name="csrf-header"]');
			document.body.addEventListener("htmx:configRequest", function (event) {
				if (token && header) {
					event.detail.headers[header.content] = token.content;
				}
			});
			document.body.addEventListener("htmx:beforeSwap", function (event) {
				charts.release(event.detail.target);
			});
			document.body.addEventListener("htmx:responseError", function (event) {
				var status = event.detail.xhr.status;
				toasts.show(status === 403 ? "You may not do that." :
					status === 404 ? "That no longer exists; reload the page." :
					status === 409 ? "Someone else changed this in the meantime; reload and try again." :
					"Something went wrong on our side; nothing was saved.");
			});
			document.body.addEventListener("htmx:sendError", function () {
				toasts.show("The server could not be reached; check the connection and try again.");
			});
			// content htmx swaps in; not htmx.onLoad, which registers too late when called from DOMContentLoaded
			document.body.addEventListener("htmx:load", function (event) {
				charts.draw(event.detail.elt);
			});
		}
	};

	/*
	 * Pickers (fragments/picker.html): the input carries the key; htmx fetches matches for what is
	 * typed (sent as q), and this makes the list box keyboard-usable and puts the chosen key in.
	 */
	var pickers = {
		init: function () {
			document.body.addEventListener("htmx:configRequest", function (event) {
				var input = event.detail.elt;
				if (input.hasAttribute && input.hasAttribute("data-picker-input")) {
					var params = event.detail.parameters;
					delete params[input.name];
					params.q = input.value;
				}
			});
			document.body.addEventListener("htmx:afterSwap", function (event) {
				var list = event.detail.target;
				if (list.classList && list.classList.contains("picker__options")) {
					var input = pickers.input(list);
					list.querySelectorAll(".picker__option").forEach(function (option, i) {
						option.id = list.id + "-" + i;
					});
					pickers.open(input, list, document.activeElement === input && input.value.trim() !== "");
				}
			});
			document.body.addEventListener("keydown", function (event) {
				var input = event.target;
				if (!input.hasAttribute || !input.hasAttribute("data-picker-input")) {
					return;
				}
				var list = document.getElementById(input.getAttribute("aria-controls"));
				var options = Array.prototype.slice.call(list.querySelectorAll(".picker__option"));
				var active = options.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
				if (event.key === "ArrowDown" || event.key === "ArrowUp") {
					if (list.hidden || options.length === 0) {
						return;
					}
					event.preventDefault();
					var next = event.key === "ArrowDown" ? Math.min(active + 1, options.length - 1) : Math.max(active - 1, 0);
					pickers.highlight(input, options, next);
				} else if (event.key === "Enter" && !list.hidden && active >= 0) {
					event.preventDefault();
					pickers.choose(input, list, options[active]);
				} else if (event.key === "Escape" && !list.hidden) {
					event.preventDefault();
					pickers.open(input, list, false);
				}
			});
			document.body.addEventListener("click", function (event) {
				var option = event.target.closest && event.target.closest(".picker__option");
				if (option) {
					var list = option.closest(".picker__options");
					pickers.choose(pickers.input(list), list, option);
				} else {
					document.querySelectorAll(".picker__options:not([hidden])").forEach(function (list) {
						if (!list.parentElement.contains(event.target)) {
							pickers.open(pickers.input(list), list, false);
						}
					});
				}
			});
		},

		input: function (list) {
			return list.parentElement.querySelector("[data-picker-input]");
		},

		open: function (input, list, open) {
			list.hidden = !open;
			input.setAttribute("aria-expanded", open ? "true" : "false");
			if (!open) {
				input.removeAttribute("aria-activedescendant");
			}
		},

		highlight: function (input, options, index) {
			options.forEach(function (o, i) {
				o.setAttribute("aria-selected", i === index ? "true" : "false");
			});
			input.setAttribute("aria-activedescendant", options[index].id);
			options[index].scrollIntoView({ block: "nearest" });
		},

		choose: function (input, list, option) {
			input.value = option.getAttribute("data-value");
			var chosen = document.getElementById(input.id + "-chosen");
			if (chosen) {
				chosen.textContent = "Chosen: " + option.getAttribute("data-text");
			}
			pickers.open(input, list, false);
			input.focus();
			input.dispatchEvent(new Event("change", { bubbles: true }));
		}
	};

	document.addEventListener("DOMContentLoaded", function () {
		navigation.init();
		menus.init();
		forms.shapes();
		charts.draw(document);
		htmxSupport.init();
		pickers.init();
		forms.uploads();
	});
})();
