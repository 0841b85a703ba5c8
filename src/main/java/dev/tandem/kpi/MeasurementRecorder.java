package dev.tandem.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tandem.problem.Quoted;
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

	private static final Logger log = LoggerFactory.getLogger(MeasurementRecorder.class);

	private final KpiRepository kpis;
	private final MeasurementStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;
	private final MeterRegistry meters;

	MeasurementRecorder(KpiRepository kpis, MeasurementStore store, ApplicationEventPublisher events, Clock clock,
			ZoneId zone, MeterRegistry meters) {
		this.kpis = kpis;
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.meters = meters;
	}

	/**
	 * Must run inside a transaction: the caller's. Labels name each input in error messages
	 * ("line 3", "[2]"); {@code byKey} holds the KPIs the input names (unknown keys are missing).
	 */
	int record(List<NewMeasurement> input, Function<Integer, String> label, Source source, String recordedBy,
			Map<String, Kpi> byKey) {
		if (input.isEmpty()) {
			throw new InvalidInputException("measurements", "send at least one measurement");
		}
		var now = clock.instant();
		long t0 = System.nanoTime();
		var batches = validate(input, label, byKey, now);
		long t1 = System.nanoTime();
		var states = store.lockStates(batches.stream().map(b -> b.kpi.id()).toList());
		long t2 = System.nanoTime();
		store.insert(batches.stream().map(b -> b.points).toList(), source.name(), recordedBy, now);
		long t3 = System.nanoTime();

		var newPeriods = new HashMap<Long, List<PeriodAggregate>>();
		var mergedPeriods = new HashMap<Long, PeriodAggregate>();
		var updated = new ArrayList<KpiState>(batches.size());
		for (var batch : batches) {
			var kpi = batch.kpi;
			var state = states.get(kpi.id());
			List<PeriodAggregate> recent;
			if (appendsOnly(state, batch.points)) {
				recent = append(kpi, state, batch.points, newPeriods, mergedPeriods);
			}
			else {
				var sorted = new ArrayList<>(batch.points);
				sorted.sort(BY_INSTANT);
				recent = rebuildTouched(kpi, sorted);
			}
			updated.add(judge(kpi, state.withRecent(recent, batch.points.size()), now));
		}
		long t4 = System.nanoTime();
		store.insertPeriods(newPeriods);
		store.updatePeriods(mergedPeriods);
		long t5 = System.nanoTime();
		store.saveStates(updated, now);
		long t6 = System.nanoTime();
		for (int i = 0; i < batches.size(); i++) {
			var batch = batches.get(i);
			events.publishEvent(new MeasurementRecorded(batch.kpi.id(), batch.kpi.key(), batch.points.size(),
					updated.get(i).lastAt(), now));
		}
		countOnCommit(input.size(), source, System.nanoTime() - t0);
		if (log.isDebugEnabled()) {
			log.debug("Recorded {} points of {} KPIs: validate {} ms, lock {} ms, insert {} ms, roll up and judge {} ms, "
					+ "write periods {} ms, write states {} ms, events {} ms", input.size(), batches.size(),
					ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5),
					ms(System.nanoTime() - t6));
		}
		return input.size();
	}

	/**
	 * {@code tandem.measurements.ingested} counts points once their transaction commits (a
	 * refused or rolled-back import counts nothing); {@code tandem.ingest.duration} times the
	 * work of each valid write, from validation to its events.
	 */
	private void countOnCommit(int points, Source source, long nanos) {
		var tag = source.name().toLowerCase(java.util.Locale.ROOT);
		Timer.builder("tandem.ingest.duration")
			.description("Time to validate, store and judge one write of measurements")
			.tag("source", tag)
			.register(meters)
			.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
		Runnable count = () -> Counter.builder("tandem.measurements.ingested")
			.description("Measurements stored, by how they arrived")
			.tag("source", tag)
			.register(meters)
			.increment(points);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

	private static final Comparator<MeasurementStore.Point> BY_INSTANT = Comparator.comparing(MeasurementStore.Point::at);

	/** One KPI's valid points, in the order they came. */
	private static final class Batch {

		final Kpi kpi;

		final List<MeasurementStore.Point> points = new ArrayList<>();

		Batch(Kpi kpi) {
			this.kpi = kpi;
		}
	}

	/** Checks every input and groups the points by KPI (each KPI's in input order), or names what is wrong. */
	private List<Batch> validate(List<NewMeasurement> input, Function<Integer, String> label, Map<String, Kpi> byKey,
			Instant now) {
		var problems = new ArrayList<FieldProblem>();
		var batches = new HashMap<String, Batch>();
		var ordered = new ArrayList<Batch>();
		var latestAllowed = now.plus(Duration.ofDays(1));
		var earliest = Thresholds.EARLIEST.atStartOfDay(zone).toInstant();
		int problemCount = 0;
		String lastKey = null;
		Batch last = null;
		for (int i = 0; i < input.size(); i++) {
			var m = input.get(i);
			// rows of one KPI often come together: skip the lookup when the key is the one before
			var batch = m.kpi() != null && m.kpi() == lastKey ? last : null;
			var kpi = batch != null ? batch.kpi : m.kpi() == null ? null : byKey.get(m.kpi());
			var rowProblems = rowProblems(m, kpi, earliest, latestAllowed);
			if (rowProblems != null) {
				for (var problem : rowProblems) {
					if (++problemCount <= MAX_PROBLEMS) {
						problems.add(new FieldProblem(label.apply(i), problem));
					}
				}
				continue;
			}
			if (batch == null) {
				batch = batches.get(kpi.key());
				if (batch == null) {
					batch = new Batch(kpi);
					batches.put(kpi.key(), batch);
					ordered.add(batch);
				}
			}
			lastKey = m.kpi();
			last = batch;
			batch.points.add(new MeasurementStore.Point(kpi.id(), m.at(), m.value(), blankToNull(m.note())));
		}
		if (!problems.isEmpty()) {
			if (problemCount > MAX_PROBLEMS) {
				problems.add(new FieldProblem("measurements", (problemCount - MAX_PROBLEMS) + " more problems not listed"));
			}
			throw new InvalidInputException(problems);
		}
		// in id order, the order the state rows are locked in
		ordered.sort(Comparator.comparingLong(b -> b.kpi.id()));
		return ordered;
	}

	/** Everything wrong with one input, or null when nothing is (the usual case, so no list is made). */
	private static List<String> rowProblems(NewMeasurement m, Kpi kpi, Instant earliest, Instant latestAllowed) {
		List<String> problems = null;
		if (m.kpi() == null || m.kpi().isBlank()) {
			problems = add(problems, "kpi: is required");
		}
		else if (kpi == null) {
			problems = add(problems, "kpi: no KPI " + Quoted.of(m.kpi()) + " exists");
		}
		if (m.at() == null) {
			problems = add(problems, "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)");
		}
		else if (m.at().isBefore(earliest) || m.at().isAfter(latestAllowed)) {
			problems = add(problems, "at: " + m.at() + " is not plausible; it must lie between " + Thresholds.EARLIEST
					+ " and tomorrow");
		}
		if (!Double.isFinite(m.value())) {
			problems = add(problems, "value: must be a finite number");
		}
		if (m.note() != null && m.note().length() > 1000) {
			problems = add(problems, "note: must be at most 1000 characters");
		}
		return problems;
	}

	private static List<String> add(List<String> problems, String problem) {
		var list = problems != null ? problems : new ArrayList<String>(2);
		list.add(problem);
		return list;
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	private static String blankToNull(String note) {
		return note == null || note.isBlank() ? null : note.strip();
	}

	/** True when the points, in input order, lie strictly after the KPI's latest one and strictly after each other. */
	private static boolean appendsOnly(KpiState state, List<MeasurementStore.Point> points) {
		if (state.lastAt() != null && !points.get(0).at().isAfter(state.lastAt())) {
			return false;
		}
		for (int i = 1; i < points.size(); i++) {
			if (!points.get(i).at().isAfter(points.get(i - 1).at())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Rolls points that all follow the KPI's latest one up in memory, period by period (the
	 * period's bounds are worked out once per period, not once per point), and merges the first
	 * with the KPI's last known period when they share it.
	 */
	private List<PeriodAggregate> append(Kpi kpi, KpiState state, List<MeasurementStore.Point> sorted,
			Map<Long, List<PeriodAggregate>> newPeriods, Map<Long, PeriodAggregate> mergedPeriods) {
		var added = PeriodAggregate.rollUp(sorted, kpi.frequency(), zone);
		var recent = new TreeMap<LocalDate, PeriodAggregate>();
		state.recent().forEach(period -> recent.put(period.start(), period));
		var fresh = new ArrayList<PeriodAggregate>(added.size());
		for (var period : added) {
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
					health.worseningPeriods(), now));
		}
		return state.withStatus(health.status());
	}
}
