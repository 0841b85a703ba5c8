package dev.tandem.kpi.web;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.org.Assignments;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.org.TeamView;

/**
 * Every KPI in a table that searches as you type (name, key, description, team, owner,
 * category) and pages; htmx fetches only the results for a new search or page.
 */
@Controller
class KpiListPageController {

	static final int PER_PAGE = 20;

	private final Kpis kpis;
	private final Organisation organisation;
	private final Assignments assignments;

	KpiListPageController(Kpis kpis, Organisation organisation, Assignments assignments) {
		this.kpis = kpis;
		this.organisation = organisation;
		this.assignments = assignments;
	}

	/** A row of the list: the KPI with its team's and owner's names. */
	record Row(KpiView kpi, String teamName, String ownerName) {
	}

	@GetMapping("/kpis")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model) {
		var teams = organisation.teamIndex().values().stream().collect(java.util.stream.Collectors.toMap(TeamView::key, t -> t));
		var people = organisation.personIndex().values().stream()
			.collect(java.util.stream.Collectors.toMap(PersonView::username, p -> p));
		var search = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		var rows = kpis.list(null).stream()
			.map(kpi -> new Row(kpi, teams.get(kpi.team()).name(),
					kpi.owner() == null || !people.containsKey(kpi.owner()) ? null : people.get(kpi.owner()).displayName()))
			.filter(row -> search.isEmpty() || matches(row, search))
			.sorted(Comparator.comparing((Row row) -> row.kpi().name(), String.CASE_INSENSITIVE_ORDER))
			.toList();
		var request = PageRequest.of(Math.max(0, page), PER_PAGE);
		var from = (int) Math.min(request.getOffset(), rows.size());
		model.addAttribute("rows", new PageImpl<>(rows.subList(from, Math.min(from + PER_PAGE, rows.size())), request,
				rows.size()));
		model.addAttribute("q", q == null ? "" : q.strip());
		if ("kpi-list".equals(htmxTarget)) {
			return "kpi/kpis :: list";
		}
		model.addAttribute("mayCreate", !assignments.editableTeams().isEmpty());
		return "kpi/kpis";
	}

	private static boolean matches(Row row, String search) {
		var kpi = row.kpi();
		return Stream.of(kpi.name(), kpi.key(), kpi.description(), kpi.category(), row.teamName(), row.ownerName(),
				kpi.owner())
			.anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(search));
	}
}
