package dev.tandem.kpi.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.kpi.Kpis;
import dev.tandem.org.Pickers;

/**
 * The KPI picker's matches (fragments/picker.html): at most 20 KPIs whose key or name contains
 * what was typed, for any signed-in person, as the KPI list page is. A fragment for htmx.
 */
@Controller
class KpiPickerPageController {

	private final Kpis kpis;

	KpiPickerPageController(Kpis kpis) {
		this.kpis = kpis;
	}

	@GetMapping("/pickers/kpis")
	String matches(@RequestParam(defaultValue = "") String q, Model model) {
		return Pickers.options(q, text -> kpis.search(text, Pickers.MATCHES).stream()
			.map(kpi -> new Pickers.Option(kpi.key(), kpi.name()))
			.toList(), model);
	}
}
