package dev.tandem.okr.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.okr.CheckIns;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;

/**
 * The OKRs of a cycle (the current one unless another is picked) as their alignment tree,
 * company → team → individual, each objective with its score, status and latest confidence;
 * filtered by team. A filter or cycle change from htmx gets only the tree back.
 */
@Controller
class OkrPageController {

	private final Cycles cycles;
	private final Okrs okrs;
	private final CheckIns checkIns;
	private final Organisation organisation;
	private final Permissions permissions;

	OkrPageController(Cycles cycles, Okrs okrs, CheckIns checkIns, Organisation organisation, Permissions permissions) {
		this.cycles = cycles;
		this.okrs = okrs;
		this.checkIns = checkIns;
		this.organisation = organisation;
		this.permissions = permissions;
	}

	@GetMapping("/okrs")
	String cycle(@RequestParam(required = false) Long cycle, @RequestParam(required = false) String team,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model) {
		var all = cycles.list();
		var chosen = cycle != null ? cycles.get(cycle) : okrs.currentCycle().orElseGet(() -> latest(all));
		var teams = organisation.teams().stream()
			.sorted(Comparator.comparing(TeamView::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
		var teamFilter = team == null || team.isBlank() ? null : team;
		model.addAttribute("cycles", all);
		model.addAttribute("cycle", chosen);
		model.addAttribute("team", teamFilter);
		model.addAttribute("teams", teams);
		model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(TeamView::key, TeamView::name)));
		model.addAttribute("rubric", checkIns.rubric());
		model.addAttribute("mayCreate", teams.stream().anyMatch(t -> permissions.mayEdit(t.id())));
		model.addAttribute("mayManageCycles", permissions.isAdmin());
		if (chosen != null) {
			var overview = cycles.overview(chosen.id());
			var shown = overview.objectives().stream()
				.filter(o -> teamFilter == null || teamFilter.equals(o.team()))
				.toList();
			model.addAttribute("overview", overview);
			model.addAttribute("tree", AlignmentTree.of(shown));
		}
		else {
			model.addAttribute("tree", AlignmentTree.of(List.of()));
		}
		return "okr-tree".equals(htmxTarget) ? "okr/cycle :: tree" : "okr/cycle";
	}

	/** With no cycle running, the one that started last. */
	private static CycleView latest(List<CycleView> all) {
		return all.stream().max(Comparator.comparing(CycleView::start).thenComparing(CycleView::id)).orElse(null);
	}
}
