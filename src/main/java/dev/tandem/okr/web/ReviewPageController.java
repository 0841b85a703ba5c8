package dev.tandem.okr.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.kpi.Kpis;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.sheet.PdfReports;

/**
 * The cycle review: for a closed (or ending) cycle, each objective's grade and key results, its
 * retrospective, and for every KPI-linked key result how the KPI moved before, during and after
 * the cycle. Laid out to print as a report.
 */
@Controller
class ReviewPageController {

	static final int LIMIT = 1000;

	private final Cycles cycles;
	private final Objectives objectives;
	private final CheckIns checkIns;
	private final Kpis kpis;
	private final Clock clock;
	private final ZoneId zone;
	private final PdfReports reports;

	ReviewPageController(Cycles cycles, Objectives objectives, CheckIns checkIns, Kpis kpis, Clock clock, ZoneId zone,
			PdfReports reports) {
		this.reports = reports;
		this.cycles = cycles;
		this.objectives = objectives;
		this.checkIns = checkIns;
		this.kpis = kpis;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/review")
	String review(@RequestParam(required = false) Long cycle, Model model) {
		fill(cycle, model);
		return "okr/review";
	}

	/** The same review as a PDF made on the server, the charts drawn as images. */
	@GetMapping("/review/report.pdf")
	void pdf(@RequestParam long cycle, Model model, HttpServletResponse response) {
		fill(cycle, model);
		var images = new HashMap<Long, String>();
		@SuppressWarnings("unchecked")
		var charts = (Map<Long, ReviewChart>) model.getAttribute("charts");
		charts.forEach((kr, chart) -> images.put(kr, chart.image()));
		model.addAttribute("images", images);
		var chosen = (CycleView) model.getAttribute("cycle");
		reports.download("okr/review-pdf", model.asMap(), "review-" + chosen.name().replaceAll("[^\\p{L}\\p{N}.-]+", "-"),
				response);
	}

	private void fill(Long cycle, Model model) {
		var started = cycles.list().stream().filter(c -> c.status() != CycleStatus.PLANNING).toList();
		var chosen = cycle != null ? cycles.get(cycle) : preferred(started);
		model.addAttribute("cycles", started);
		model.addAttribute("cycle", chosen);
		model.addAttribute("rubric", checkIns.rubric());
		if (chosen == null) {
			model.addAttribute("objectives", List.of());
			return;
		}
		var list = objectives.list(chosen.id(), null, LIMIT, 0).stream()
			.sorted(Comparator.comparing((ObjectiveView o) -> o.level().ordinal()).reversed()
				.thenComparing(ObjectiveView::team).thenComparingLong(ObjectiveView::id))
			.toList();
		model.addAttribute("objectives", list);
		model.addAttribute("charts", charts(chosen, list));
		var scored = list.stream().filter(o -> o.score() != null).mapToDouble(ObjectiveView::score).average();
		model.addAttribute("mean", scored.isPresent() ? scored.getAsDouble() : null);
	}

	/** The closed cycle that ended last; else the running one that ends first. */
	private static CycleView preferred(List<CycleView> started) {
		return started.stream().filter(c -> c.status() == CycleStatus.CLOSED)
			.max(Comparator.comparing(CycleView::end).thenComparing(CycleView::id))
			.or(() -> started.stream().min(Comparator.comparing(CycleView::end)))
			.orElse(null);
	}

	/** A chart per KPI-linked key result, by key result id. */
	private Map<Long, ReviewChart> charts(CycleView cycle, List<ObjectiveView> list) {
		var today = LocalDate.now(clock.withZone(zone));
		var charts = new HashMap<Long, ReviewChart>();
		for (var objective : list) {
			for (var kr : objective.keyResults()) {
				if (kr.kpi() == null) {
					continue;
				}
				kpis.find(kr.kpi()).ifPresent(kpi -> charts.put(kr.id(), ReviewChart.of(kr, kpi, cycle,
						kpis.periods(kpi.key(), ReviewChart.from(cycle), ReviewChart.to(cycle, today), ReviewChart.period(kpi)))));
			}
		}
		return charts;
	}
}
