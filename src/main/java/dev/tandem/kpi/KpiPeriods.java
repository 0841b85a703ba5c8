package dev.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tandem.problem.InvalidInputException;

/**
 * A KPI's values per period: as charts read them (its own periods, rolled up into longer ones,
 * the last few for sparklines), and rebuilt from the raw points when its periods change meaning
 * (a new frequency, a new time zone).
 */
@Component
class KpiPeriods {

	private final KpiReader reader;
	private final MeasurementStore store;
	private final MeasurementRecorder recorder;
	private final Clock clock;
	private final ZoneId zone;

	KpiPeriods(KpiReader reader, MeasurementStore store, MeasurementRecorder recorder, Clock clock, ZoneId zone) {
		this.reader = reader;
		this.store = store;
		this.recorder = recorder;
		this.clock = clock;
		this.zone = zone;
	}

	/** The KPI's own periods between two dates. */
	List<PeriodValue> of(Kpi kpi, LocalDate from, LocalDate to) {
		return store.periods(kpi.id(), from, to).stream()
			.map(p -> value(kpi, p))
			.toList();
	}

	/** Periods of the KPI's own length or a longer one; a finer length is refused, since its points are not that dense. */
	List<PeriodValue> of(Kpi kpi, LocalDate from, LocalDate to, Frequency per) {
		if (per == kpi.frequency()) {
			return of(kpi, from, to);
		}
		if (per.compareTo(kpi.frequency()) < 0) {
			throw new InvalidInputException("period", "a " + kpi.frequency().name().toLowerCase()
					+ " KPI cannot be shown per " + per.name().toLowerCase() + " period");
		}
		var start = per.periodStart(from).atStartOfDay(zone).toInstant();
		var end = per.nextPeriodStart(per.periodStart(to)).atStartOfDay(zone).toInstant();
		return store.rollUp(kpi.id(), per, zone, start, end).stream()
			.map(p -> value(kpi, p))
			.toList();
	}

	/** Each KPI's most recent period values (a few, oldest first) by key, from the state rows. */
	Map<String, List<PeriodValue>> recent() {
		var states = store.states();
		return reader.all(null).stream().collect(Collectors.toMap(Kpi::key,
				kpi -> states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())).recent().stream()
					.map(p -> value(kpi, p))
					.toList()));
	}

	/** These KPIs' most recent period values, by key, from their state rows alone. */
	Map<String, List<PeriodValue>> recent(java.util.Collection<Kpi> kpis) {
		if (kpis.isEmpty()) {
			return Map.of();
		}
		var states = store.states(kpis.stream().map(Kpi::id).toList());
		return kpis.stream().collect(Collectors.toMap(Kpi::key,
				kpi -> states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())).recent().stream()
					.map(p -> value(kpi, p))
					.toList()));
	}

	/** One KPI's most recent period values (a few, oldest first), from its state row alone. */
	List<PeriodValue> recent(Kpi kpi) {
		return store.states(List.of(kpi.id())).getOrDefault(kpi.id(), KpiState.empty(kpi.id())).recent().stream()
			.map(p -> value(kpi, p))
			.toList();
	}

	/** Rebuilds every KPI's periods and state from its raw points, then judges each again; returns how many. */
	int rebuildAll() {
		var all = reader.all(null);
		all.forEach(this::rebuild);
		var now = clock.instant();
		var states = store.states();
		store.saveStates(all.stream().map(kpi -> recorder.judge(kpi, states.get(kpi.id()), now)).toList(), now);
		return all.size();
	}

	/** Rebuilds the KPI's periods and its state's recent ones from its raw points; its health is judged by the caller. */
	void rebuild(Kpi kpi) {
		store.deleteAllPeriods(kpi.id());
		var periods = store.rollUp(kpi.id(), kpi.frequency(), zone, Instant.EPOCH.minusSeconds(5_000_000_000L),
				Instant.now(clock).plusSeconds(400_000));
		store.insertPeriods(kpi.id(), periods);
		var state = store.lockStates(List.of(kpi.id())).get(kpi.id());
		if (state == null) {
			// a KPI row without its state (restored or inserted by hand): give it one, then rebuild that
			store.createState(kpi.id(), clock.instant());
			state = store.lockStates(List.of(kpi.id())).get(kpi.id());
		}
		var recent = periods.size() > KpiState.RECENT ? periods.subList(periods.size() - KpiState.RECENT, periods.size())
				: periods;
		store.saveStates(List.of(state.withRecent(recent, 0)), clock.instant());
	}

	private static PeriodValue value(Kpi kpi, PeriodAggregate period) {
		return new PeriodValue(period.start(), period.value(kpi.aggregation()), period.count(), period.lastAt());
	}
}
