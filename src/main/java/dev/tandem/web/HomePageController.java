package dev.tandem.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.loop.Focus;
import dev.tandem.org.Organisation;

/**
 * The first page after signing in: the health dashboard (every KPI as a tile, by team, with
 * filters; in a large organisation the ones needing attention and a line per team), what to fix
 * first, and the organisation at a glance. A filter change from htmx
 * gets only the dashboard fragment back.
 */
@Controller
class HomePageController {

	static final int FOCUS_SHOWN = 3;

	/**
	 * Up to this many KPIs the dashboard shows every one as a tile; beyond, the ones that need
	 * attention and a line per team (a tile is about 1 KB of HTML: 10,000 would be a 10 MB page).
	 */
	static final int TILES_LIMIT = 200;

	private final Organisation organisation;
	private final Kpis kpis;
	private final Focus focus;

	HomePageController(Organisation organisation, Kpis kpis, Focus focus) {
		this.organisation = organisation;
		this.kpis = kpis;
		this.focus = focus;
	}

	@GetMapping("/")
	String home(Dashboard.Filter filter, @RequestParam(name = "teams", defaultValue = "0") int teamsPage,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model) {
		var tree = TeamTree.of(organisation.teams());
		if (kpis.count() > TILES_LIMIT) {
			model.addAttribute("dashboard", large(tree, filter, teamsPage));
		}
		else {
			var all = kpis.list(null);
			model.addAttribute("dashboard", Dashboard.of(all, kpis.recentPeriods(), tree, filter));
		}
		if ("dashboard".equals(htmxTarget)) {
			return "home :: dashboard";
		}
		if ("team-lines".equals(htmxTarget)) {
			return "home :: team-lines";
		}
		model.addAttribute("focus", focus.ranking(FOCUS_SHOWN, 0).items());
		model.addAttribute("teams", tree);
		model.addAttribute("people", organisation.personIndex().size());
		return "home";
	}

	/** One team's own KPIs that pass the filters, as tiles: what a large dashboard's team line loads when opened. */
	@GetMapping("/dashboard/teams/{key}")
	String team(@PathVariable String key, Dashboard.Filter filter, Model model) {
		var team = organisation.team(key);
		var shown = kpis.list(team.key()).stream()
			.filter(kpi -> filter.admits(kpi.health().status(), kpi.category()))
			.sorted(Dashboard.worstFirst(kpi -> kpi.health().status(), KpiView::name))
			.toList();
		model.addAttribute("tiles", tiles(shown));
		return "home :: team-tiles";
	}

	private LargeDashboard large(TeamTree tree, Dashboard.Filter filter, int teamsPage) {
		var all = kpis.standings(null);
		var selection = LargeDashboard.select(all, tree, filter);
		var views = kpis.listByKeys(selection.attentionKeys()).stream()
			.collect(Collectors.toMap(KpiView::key, view -> view));
		// in the order selected (worst first), which a keyed read does not keep
		var attention = selection.attentionKeys().stream().filter(views::containsKey).map(views::get).toList();
		return LargeDashboard.of(all, selection, tiles(attention), tree, filter, teamsPage);
	}

	private List<Dashboard.Tile> tiles(List<KpiView> shown) {
		var recent = kpis.recentPeriods(shown.stream().map(KpiView::key).toList());
		return shown.stream()
			.map(kpi -> new Dashboard.Tile(kpi, Sparkline.of(recent.getOrDefault(kpi.key(), List.of()).stream()
				.map(PeriodValue::value).toList())))
			.toList();
	}
}
