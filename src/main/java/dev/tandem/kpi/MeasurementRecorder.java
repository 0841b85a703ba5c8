package dev.tandem.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

/**
 * Writes a batch of measurements, all or nothing. Everything is validated before the first
 * write; then the KPIs' state rows are locked, the points inserted, the periods they touch
 * rolled up again and each KPI judged anew. Points that all lie after a KPI's latest point
 * (the usual case) merge into its roll-ups directly; a backfill or a correction re-reads only
 * the periods it touches.
 */
@Component
class MeasurementRecorder {

	/** A bad batch names at most this many problems: enough to fix, not a second copy of the file. */
	static final int MAX_PROBLEMS = 50;

	private final KpiRepository kpis;
	private final MeasurementStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	MeasurementRecorder(KpiRepository kpis, MeasurementStore store, ApplicationEventPublisher events, Clock clock,
			ZoneId zone) {
		this.kpis = kpis;
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** Must run inside a transaction: the caller's. Labels name each input in error messages ("line 3", "[2]"). */
	int record(List<NewMeasurement> input, Function<Integer, String> label, Source source, String recordedBy) {
		if (input.isEmpty()) {
			throw new InvalidInputException("measurements", "send at least one measurement");
		}
		var now = clock.instant();
		var byKey = kpis.findAllByKeyIn(input.stream().map(NewMeasurement::kpi).distinct().toList()).stream()
			.collect(Collectors.toMap(Kpi::key, Function.identity()));
		var points = validate(input, label, byKey, now);
		var byId = byKey.values().stream().collect(Collectors.toMap(Kpi::id, Function.identity()));
		var pointsByKpi = points.stream().collect(Collectors.groupingBy(MeasurementStore.Point::kpiId));
		var states = store.lockStates(pointsByKpi.keySet());
		store.insert(points, source.name(), recordedBy, now);

		var newPeriods = new HashMap<Long, List<PeriodAggregate>>();
		var mergedPeriods = new HashMap<Long, PeriodAggregate>();
		var updated = new ArrayList<KpiState>();
		for (var entry : pointsByKpi.entrySet()) {
			var kpi = byId.get(entry.getKey());
			var state = states.get(entry.getKey());
			var sorted = entry.getValue().stream().sorted(java.util.Comparator.comparing(MeasurementStore.Point::at)).toList();
			List<PeriodAggregate> recent;
			if (appendsOnly(state, sorted)) {
				recent = append(kpi, state, sorted, newPeriods, mergedPeriods);
			}
			else {
				recent = rebuildTouched(kpi, sorted);
			}
			updated.add(judge(kpi, state.withRecent(recent, sorted.size()), now));
		}
		store.insertPeriods(newPeriods);
		store.updatePeriods(mergedPeriods);
		store.saveStates(updated, now);
		for (var state : updated) {
			var points0 = pointsByKpi.get(state.kpiId());
			events.publishEvent(new MeasurementRecorded(state.kpiId(), byId.get(state.kpiId()).key(), points0.size(),
					state.lastAt()));
		}
		return points.size();
	}

	private List<MeasurementStore.Point> validate(List<NewMeasurement> input, Function<Integer, String> label,
			Map<String, Kpi> byKey, Instant now) {
		var problems = new ArrayList<FieldProblem>();
		var points = new ArrayList<MeasurementStore.Point>(input.size());
		var latestAllowed = now.plus(Duration.ofDays(1));
		var earliest = Thresholds.EARLIEST.atStartOfDay(zone).toInstant();
		int problemCount = 0;
		for (int i = 0; i < input.size(); i++) {
			var m = input.get(i);
			String problem = null;
			var kpi = m.kpi() == null ? null : byKey.get(m.kpi());
			if (m.kpi() == null || m.kpi().isBlank()) {
				problem = "kpi: is required";
			}
			else if (kpi == null) {
				problem = "kpi: no KPI '" + m.kpi() + "' exists";
			}
			else if (m.at() == null) {
				problem = "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)";
			}
			else if (m.at().isBefore(earliest) || m.at().isAfter(latestAllowed)) {
				problem = "at: " + m.at() + " is not plausible; it must lie between " + Thresholds.EARLIEST
						+ " and tomorrow";
			}
			else if (!Double.isFinite(m.value())) {
				problem = "value: must be a finite number";
			}
			else if (m.note() != null && m.note().length() > 1000) {
				problem = "note: must be at most 1000 characters";
			}
			if (problem != null) {
				if (++problemCount <= MAX_PROBLEMS) {
					problems.add(new FieldProblem(label.apply(i), problem));
				}
				continue;
			}
			points.add(new MeasurementStore.Point(kpi.id(), m.at(), m.value(), blankToNull(m.note())));
		}
		if (!problems.isEmpty()) {
			if (problemCount > MAX_PROBLEMS) {
				problems.add(new FieldProblem("measurements", (problemCount - MAX_PROBLEMS) + " more problems not listed"));
			}
			throw new InvalidInputException(problems);
		}
		return points;
	}

	private static String blankToNull(String note) {
		return note == null || note.isBlank() ? null : note.strip();
	}

	/** True when every point lies strictly after the KPI's latest one and no two share an instant. */
	private static boolean appendsOnly(KpiState state, List<MeasurementStore.Point> sorted) {
		if (state.lastAt() != null && !sorted.get(0).at().isAfter(state.lastAt())) {
			return false;
		}
		for (int i = 1; i < sorted.size(); i++) {
			if (!sorted.get(i).at().isAfter(sorted.get(i - 1).at())) {
				return false;
			}
		}
		return true;
	}

	private List<PeriodAggregate> append(Kpi kpi, KpiState state, List<MeasurementStore.Point> sorted,
			Map<Long, List<PeriodAggregate>> newPeriods, Map<Long, PeriodAggregate> mergedPeriods) {
		var added = new LinkedHashMap<LocalDate, PeriodAggregate>();
		for (var p : sorted) {
			var start = kpi.frequency().periodStart(p.at(), zone);
			added.merge(start, PeriodAggregate.of(start, p.at(), p.value()), PeriodAggregate::merge);
		}
		var recent = new TreeMap<LocalDate, PeriodAggregate>();
		state.recent().forEach(period -> recent.put(period.start(), period));
		var fresh = new ArrayList<PeriodAggregate>();
		for (var period : added.values()) {
			var existing = recent.get(period.start());
			if (existing != null) {
				var merged = existing.merge(period);
				mergedPeriods.put(kpi.id(), merged);
				recent.put(period.start(), merged);
			}
			else {
				fresh.add(period);
				recent.put(period.start(), period);
			}
		}
		newPeriods.put(kpi.id(), fresh);
		return new ArrayList<>(recent.values());
	}

	private List<PeriodAggregate> rebuildTouched(Kpi kpi, List<MeasurementStore.Point> sorted) {
		var starts = sorted.stream().map(p -> kpi.frequency().periodStart(p.at(), zone)).distinct().toList();
		store.deletePeriods(kpi.id(), starts);
		var rebuilt = new ArrayList<PeriodAggregate>();
		for (var start : starts) {
			var from = start.atStartOfDay(zone).toInstant();
			var until = kpi.frequency().nextPeriodStart(start).atStartOfDay(zone).toInstant();
			rebuilt.addAll(store.rollUp(kpi.id(), kpi.frequency(), zone, from, until));
		}
		store.insertPeriods(kpi.id(), rebuilt);
		return store.latestPeriods(kpi.id(), KpiState.RECENT);
	}

	/** Judges the KPI with its new data and says so when its status changed or it keeps worsening. */
	KpiState judge(Kpi kpi, KpiState state, Instant now) {
		var before = state.status();
		var health = HealthRules.evaluate(kpi, state, now, zone);
		if (health.status() != before || health.worseningSignal()) {
			events.publishEvent(new KpiHealthChanged(kpi.id(), kpi.key(), before, health.status(),
					health.worseningPeriods()));
		}
		return state.withStatus(health.status());
	}
}
