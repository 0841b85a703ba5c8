package dev.tandem.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import dev.tandem.kpi.Kpis;
import dev.tandem.loop.Focus;
import dev.tandem.org.Organisation;

/**
 * The first page after signing in: the health dashboard (every KPI as a tile, by team, with
 * filters), what to fix first, and the organisation at a glance. A filter change from htmx
 * gets only the dashboard fragment back.
 */
@Controller
class HomePageController {

	static final int FOCUS_SHOWN = 3;

	private final Organisation organisation;
	private final Kpis kpis;
	private final Focus focus;

	HomePageController(Organisation organisation, Kpis kpis, Focus focus) {
		this.organisation = organisation;
		this.kpis = kpis;
		this.focus = focus;
	}

	@GetMapping("/")
	String home(Dashboard.Filter filter, @RequestHeader(name = "HX-Target", required = false) String htmxTarget,
			Model model) {
		var tree = TeamTree.of(organisation.teams());
		var all = kpis.list(null);
		model.addAttribute("dashboard", Dashboard.of(all, kpis.recentPeriods(), tree, filter));
		if ("dashboard".equals(htmxTarget)) {
			return "home :: dashboard";
		}
		model.addAttribute("focus", focus.ranking(all).stream().limit(FOCUS_SHOWN).toList());
		model.addAttribute("teams", tree);
		model.addAttribute("people", organisation.personIndex().size());
		return "home";
	}
}
