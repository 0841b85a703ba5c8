package dev.tandem.okr;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.Kpis;
import dev.tandem.okr.OkrReader.Scope;
import dev.tandem.org.Actor;

/**
 * Grades a cycle: each key result's final value and score, and each objective's score, are
 * computed once and stored, so that later edits of KPIs or definitions cannot rewrite a past
 * cycle's grades. A KPI-linked key result is graded on the KPI's value as of the cycle's last
 * day, not today's: closing a cycle a week late must not count the week after.
 */
@Component
class CycleClosing {

	private static final int BATCH = 500;

	private final CycleRepository cycles;
	private final OkrReader reader;
	private final KpiLookup lookup;
	private final Kpis kpis;
	private final JdbcTemplate template;
	private final ImprovingMarks marks;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	CycleClosing(CycleRepository cycles, OkrReader reader, KpiLookup lookup, Kpis kpis, JdbcTemplate template,
			ImprovingMarks marks, ApplicationEventPublisher events, Clock clock, ZoneId zone) {
		this.cycles = cycles;
		this.reader = reader;
		this.lookup = lookup;
		this.kpis = kpis;
		this.template = template;
		this.marks = marks;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	Cycle close(Cycle cycle) {
		var now = clock.instant();
		var snapshot = reader.load(Scope.cycle(cycle.id()));
		var linked = new HashSet<String>();
		snapshot.keyResults().values().forEach(list -> list.stream().map(OkrReader.KeyResultRow::kpiKey)
			.filter(Objects::nonNull).forEach(linked::add));
		var atEnd = valuesAtEnd(cycle, linked);
		var window = cycle.window(zone);
		var keyResultGrades = new ArrayList<Object[]>();
		var objectiveGrades = new ArrayList<Object[]>();
		for (var objective : snapshot.objectives()) {
			var weighted = new ArrayList<Scoring.Weighted>();
			for (var kr : snapshot.keyResultsOf(objective.id())) {
				var graded = KeyResultEvaluation.of(kr, kr.kpiKey() == null ? null : atEnd.get(kr.kpiKey()), window,
						false, objective.commitment(), now);
				keyResultGrades.add(new Object[] { graded.current(), graded.score(), kr.id() });
				weighted.add(new Scoring.Weighted(kr.weight(), graded.score()));
			}
			objectiveGrades.add(new Object[] { Scoring.objectiveScore(weighted), objective.id() });
		}
		template.batchUpdate("update key_result set final_value = ?, final_score = ? where id = ?", keyResultGrades,
				BATCH, (ps, grade) -> {
					ps.setObject(1, grade[0], java.sql.Types.DOUBLE);
					ps.setDouble(2, (Double) grade[1]);
					ps.setLong(3, (Long) grade[2]);
				});
		template.batchUpdate("update objective set final_score = ? where id = ?", objectiveGrades, BATCH,
				(ps, grade) -> {
					ps.setObject(1, grade[0], java.sql.Types.DOUBLE);
					ps.setLong(2, (Long) grade[1]);
				});
		var closed = cycles.save(cycle.close(now, Actor.current()));
		marks.sync(linked);
		events.publishEvent(new CycleClosed(closed.id(), closed.name(), now));
		return closed;
	}

	/** Each KPI's latest period value that started on or before the cycle's last day. */
	private Map<String, Double> valuesAtEnd(Cycle cycle, Set<String> keys) {
		var values = new HashMap<String, Double>();
		// only KPIs that still exist: asking for a deleted one would fail the whole close
		for (var key : lookup.health(keys).keySet()) {
			List<dev.tandem.kpi.PeriodValue> periods = kpis.periods(key, cycle.startDate().minusYears(1), cycle.endDate());
			if (!periods.isEmpty()) {
				values.put(key, periods.get(periods.size() - 1).value());
			}
		}
		return values;
	}
}
