package dev.tandem.kpi.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.kpi.Kpis;

/**
 * The KPI picker's matches (fragments/picker.html): at most 20 KPIs whose key or name contains
 * what was typed, for any signed-in person, as the KPI list page is. A fragment for htmx.
 */
@Controller
class KpiPickerPageController {

	static final int MATCHES = 20;

	/** Longer input names no KPI; cutting it keeps the pattern small. */
	static final int LONGEST_QUERY = 200;

	private final Kpis kpis;

	KpiPickerPageController(Kpis kpis) {
		this.kpis = kpis;
	}

	record Option(String value, String text) {
	}

	@GetMapping("/pickers/kpis")
	String matches(@RequestParam(defaultValue = "") String q, Model model) {
		var text = q.length() > LONGEST_QUERY ? q.substring(0, LONGEST_QUERY) : q;
		model.addAttribute("options", text.isBlank() ? java.util.List.of()
				: kpis.search(text, MATCHES).stream().map(kpi -> new Option(kpi.key(), kpi.name())).toList());
		return "fragments/picker :: options";
	}
}
