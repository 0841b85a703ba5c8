package dev.tandem.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The team's reviews page and a review's page, made to be projected in the meeting: the agenda
 * on one screen with each KPI's recent periods as a small chart, decisions typed in place (htmx
 * swaps the decisions list), and printable.
 */
@Controller
class KpiReviewPageController {

	private final Reviews reviews;
	private final Kpis kpis;
	private final Organisation organisation;
	private final Permissions permissions;

	KpiReviewPageController(Reviews reviews, Kpis kpis, Organisation organisation, Permissions permissions) {
		this.reviews = reviews;
		this.kpis = kpis;
		this.organisation = organisation;
		this.permissions = permissions;
	}

	/** One agenda section as the page lists it. */
	record Section(String title, String hint, List<AgendaItem> items) {
	}

	/** A KPI's mini chart: its recent periods' labels and values. */
	record MiniChart(List<String> labels, List<Map<String, Object>> series) {
	}

	/** Every team with its cadence, last review and the next one due: the way into the teams' review pages. */
	@GetMapping("/reviews")
	String all(Model model) {
		model.addAttribute("teams", organisation.teams().stream().map(team -> reviews.cadence(team.key())).toList());
		model.addAttribute("names", organisation.teams().stream()
			.collect(java.util.stream.Collectors.toMap(dev.tandem.org.TeamView::key, dev.tandem.org.TeamView::name)));
		model.addAttribute("recent", reviews.list(null, 10, 0));
		return "review/reviews";
	}

	@GetMapping("/teams/{key}/reviews")
	String team(@PathVariable String key, Model model) {
		var team = organisation.team(key);
		model.addAttribute("team", team);
		model.addAttribute("cadence", reviews.cadence(key));
		model.addAttribute("reviews", reviews.list(key, 100, 0));
		model.addAttribute("editable", permissions.mayEdit(team.id()));
		return "review/team-reviews";
	}

	@PostMapping("/teams/{key}/review-cadence")
	String cadence(@PathVariable String key, @RequestParam(required = false) ReviewCadence cadence) {
		reviews.setCadence(key, cadence);
		return "redirect:/teams/" + key + "/reviews";
	}

	@PostMapping("/teams/{key}/reviews")
	String start(@PathVariable String key) {
		return "redirect:/reviews/" + reviews.start(key).id();
	}

	@GetMapping("/reviews/{id}")
	String review(@PathVariable long id, Model model) {
		var review = reviews.get(id);
		model.addAttribute("review", review);
		model.addAttribute("team", organisation.team(review.team()));
		model.addAttribute("sections", sections(review.agenda()));
		model.addAttribute("charts", charts(review.agenda()));
		fillDecisions(review, model);
		return "review/review";
	}

	@PostMapping("/reviews/{id}/decisions")
	String decide(@PathVariable long id, @RequestParam(required = false) String action,
			@RequestParam(required = false) String owner, @RequestParam(required = false) LocalDate due,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model,
			HttpServletResponse response) {
		try {
			reviews.decide(id, new Reviews.NewDecision(action, owner, due));
			if (!htmx) {
				return "redirect:/reviews/" + id;
			}
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problems", e.problems());
			model.addAttribute("draft", new Reviews.NewDecision(action, owner, due));
			if (!htmx) {
				return review(id, model);
			}
		}
		fillDecisions(reviews.get(id), model);
		return "review/review :: decisions";
	}

	@PostMapping("/decisions/{id}/done")
	String done(@PathVariable long id, @RequestParam(defaultValue = "true") boolean done,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
		var decision = reviews.decision(id);
		reviews.update(id, new Reviews.DecisionChange(done, null, null, null, decision.version()));
		if (!htmx) {
			return "redirect:/reviews/" + decision.review();
		}
		fillDecisions(reviews.get(decision.review()), model);
		return "review/review :: decisions";
	}

	private void fillDecisions(ReviewView review, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("editable", permissions.mayEdit(organisation.team(review.team()).id()));
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", List.<FieldProblem>of());
		}
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", new Reviews.NewDecision(null, null, null));
		}
	}

	private static List<Section> sections(Agenda agenda) {
		var sections = new ArrayList<Section>();
		sections.add(new Section("Red", "Below their warning level", agenda.red()));
		sections.add(new Section("Amber", "Between warning and target", agenda.amber()));
		sections.add(new Section("Stale", "No fresh data", agenda.stale()));
		sections.add(new Section("Worsening", "Worse several periods running", agenda.worsening()));
		sections.add(new Section("Changed since the last review", "Status, thresholds, new KPIs",
				agenda.changedSinceLastReview()));
		sections.add(new Section("Open proposals", "Objectives the loop suggests", agenda.proposals()));
		sections.add(new Section("Guardrail alerts", "Guardrails of active objectives", agenda.alerts()));
		return sections;
	}

	private Map<String, MiniChart> charts(Agenda agenda) {
		var keys = new java.util.TreeSet<String>();
		List.of(agenda.red(), agenda.amber(), agenda.stale(), agenda.worsening(), agenda.changedSinceLastReview(),
				agenda.proposals(), agenda.alerts()).forEach(items -> items.stream()
					.map(AgendaItem::kpi).filter(java.util.Objects::nonNull).forEach(keys::add));
		var charts = new LinkedHashMap<String, MiniChart>();
		for (var key : keys) {
			var recent = kpis.find(key).map(kpi -> kpis.recentPeriods(key)).orElse(List.of());
			if (recent.size() < 2) {
				continue;
			}
			var labels = recent.stream().map(p -> String.valueOf(p.periodStart())).toList();
			var values = recent.stream().map(PeriodValue::value).toList();
			charts.put(key, new MiniChart(labels, List.of(Map.of("label", key, "values", values))));
		}
		return charts;
	}
}
