package dev.tandem.okr.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.Kpis;
import dev.tandem.okr.CheckInView;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.okr.OkrChange;
import dev.tandem.problem.NotFoundException;

/**
 * What an objective's page reads beyond the objective itself: its key results' forecasts and
 * charts, the check-ins of all its key results and its changes a page at a time, and the
 * objectives around it (parent, children, contributions, past and future).
 */
@Component
class ObjectivePage {

	static final int PER_PAGE = 10;

	/** A check-in in the objective's history, with the key result it belongs to. */
	record CheckInRow(CheckInView checkIn, String keyResult, String unit) {
	}

	/** A neighbouring objective, for links: its id, title and cycle. */
	record Link(long id, String title, String cycle, String team) {
	}

	private final Objectives objectives;
	private final KeyResults keyResults;
	private final CheckIns checkIns;
	private final Kpis kpis;
	private final Clock clock;
	private final ZoneId zone;

	ObjectivePage(Objectives objectives, KeyResults keyResults, CheckIns checkIns, Kpis kpis, Clock clock, ZoneId zone) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.checkIns = checkIns;
		this.kpis = kpis;
		this.clock = clock;
		this.zone = zone;
	}

	/** A KPI-linked key result (with its forecast) and its chart. */
	record Forecasted(KeyResultView keyResult, ForecastChart chart) {
	}

	/** Each KPI-linked key result's forecast chart. */
	List<Forecasted> forecasts(ObjectiveView objective) {
		var charts = new ArrayList<Forecasted>();
		var today = LocalDate.now(clock.withZone(zone));
		for (var kr : objective.keyResults()) {
			if (kr.kpi() == null) {
				continue;
			}
			var kpi = kpis.find(kr.kpi());
			if (kpi.isEmpty()) {
				continue;
			}
			KeyResultView full = keyResults.get(kr.id());
			var periods = kpis.periods(kr.kpi(), today.minusYears(1), today);
			var recent = periods.subList(Math.max(0, periods.size() - 12), periods.size());
			charts.add(new Forecasted(full, ForecastChart.of(full, kpi.get(), recent)));
		}
		return charts;
	}

	/** Every key result's check-ins, newest first, a page at a time. */
	PageImpl<CheckInRow> checkIns(ObjectiveView objective, int page) {
		var rows = new ArrayList<CheckInRow>();
		for (var kr : objective.keyResults()) {
			checkIns.list(kr.id(), 1000, 0).forEach(c -> rows.add(new CheckInRow(c, kr.title(), kr.unit())));
		}
		rows.sort(Comparator.comparing((CheckInRow r) -> r.checkIn().at()).reversed()
			.thenComparing(r -> r.checkIn().id(), Comparator.reverseOrder()));
		return page(rows, page);
	}

	/** The objective's and its key results' changes, newest first, a page at a time. */
	PageImpl<OkrChange> changes(ObjectiveView objective, int page) {
		var all = new ArrayList<>(objectives.history(objective.id()));
		java.util.Collections.reverse(all);
		return page(all, page);
	}

	Optional<Link> link(Long id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			var o = objectives.get(id);
			return Optional.of(link(o));
		}
		catch (NotFoundException deleted) {
			return Optional.empty();
		}
	}

	List<Link> links(List<Long> ids) {
		return ids == null ? List.of() : ids.stream().map(this::link).flatMap(Optional::stream).toList();
	}

	/** Objectives of the same cycle aligned to this one (children), and those contributing to it. */
	Map<String, List<Link>> below(ObjectiveView objective) {
		var sameCycle = objectives.list(objective.cycle(), null, 1000, 0);
		var result = new LinkedHashMap<String, List<Link>>();
		result.put("children", sameCycle.stream().filter(o -> Long.valueOf(objective.id()).equals(o.parentId()))
			.map(ObjectivePage::link).toList());
		result.put("contributors", sameCycle.stream().filter(o -> o.contributesTo().contains(objective.id()))
			.map(ObjectivePage::link).toList());
		return result;
	}

	private static Link link(ObjectiveView o) {
		return new Link(o.id(), o.title(), o.cycleName(), o.team());
	}

	static <T> PageImpl<T> page(List<T> all, int page) {
		var request = PageRequest.of(Math.max(0, page), PER_PAGE);
		var from = (int) Math.min(request.getOffset(), all.size());
		var to = Math.min(from + PER_PAGE, all.size());
		return new PageImpl<>(all.subList(from, to), request, all.size());
	}
}
