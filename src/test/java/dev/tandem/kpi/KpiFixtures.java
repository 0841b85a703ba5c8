package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small, readable builders for KPI definitions, period roll-ups and states, so that a rule test
 * says only what matters to it. Defaults: a MONTHLY, LAST-aggregated KPI in an organisation
 * living in Europe/Berlin (deliberately not UTC, and not the JVM's zone either).
 */
final class KpiFixtures {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private KpiFixtures() {
	}

	// ---- definitions -------------------------------------------------------------------------

	static KpiBuilder higherIsBetter(double target, double warning) {
		return new KpiBuilder(Shape.THRESHOLD, Thresholds.threshold(Direction.HIGHER_IS_BETTER, target, warning));
	}

	static KpiBuilder lowerIsBetter(double target, double warning) {
		return new KpiBuilder(Shape.THRESHOLD, Thresholds.threshold(Direction.LOWER_IS_BETTER, target, warning));
	}

	static KpiBuilder band(double lower, double upper) {
		return new KpiBuilder(Shape.BAND, bandThresholds(lower, upper, null));
	}

	static KpiBuilder band(double lower, double upper, double tolerance) {
		return new KpiBuilder(Shape.BAND, bandThresholds(lower, upper, tolerance));
	}

	static KpiBuilder trajectory(Direction direction, double baseline, LocalDate baselineDate, double target,
			LocalDate targetDate) {
		return new KpiBuilder(Shape.TRAJECTORY,
				trajectoryThresholds(direction, baseline, baselineDate, target, targetDate, null));
	}

	static KpiBuilder trajectory(Direction direction, double baseline, LocalDate baselineDate, double target,
			LocalDate targetDate, double tolerance) {
		return new KpiBuilder(Shape.TRAJECTORY,
				trajectoryThresholds(direction, baseline, baselineDate, target, targetDate, tolerance));
	}

	static Thresholds bandThresholds(double lower, double upper, Double tolerance) {
		return new Thresholds(null, null, null, lower, upper, tolerance, null, null, null);
	}

	static Thresholds trajectoryThresholds(Direction direction, double baseline, LocalDate baselineDate, double target,
			LocalDate targetDate, Double tolerance) {
		return new Thresholds(direction, target, null, null, null, tolerance, baseline, baselineDate, targetDate);
	}

	static final class KpiBuilder {

		private String key = "test-kpi";
		private String name;
		private Frequency frequency = Frequency.MONTHLY;
		private Aggregation aggregation = Aggregation.LAST;
		private Indicator indicator = Indicator.LAGGING;
		private final Shape shape;
		private final Thresholds thresholds;
		private final Set<PeriodThreshold> seasonal = new HashSet<>();

		private KpiBuilder(Shape shape, Thresholds thresholds) {
			this.shape = shape;
			this.thresholds = thresholds;
		}

		KpiBuilder key(String key) {
			this.key = key;
			return this;
		}

		/** The KPI's name; its key unless given. */
		KpiBuilder name(String name) {
			this.name = name;
			return this;
		}

		KpiBuilder frequency(Frequency frequency) {
			this.frequency = frequency;
			return this;
		}

		KpiBuilder aggregation(Aggregation aggregation) {
			this.aggregation = aggregation;
			return this;
		}

		KpiBuilder indicator(Indicator indicator) {
			this.indicator = indicator;
			return this;
		}

		/** Seasonal thresholds in force from {@code from} on (until a later entry takes over). */
		KpiBuilder from(LocalDate from, Thresholds thresholds) {
			seasonal.add(new PeriodThreshold(from, thresholds));
			return this;
		}

		Kpi build() {
			return new Kpi(1L, key, name != null ? name : key, null, 10L, 20L, Unit.COUNT, null, null, null, "a formula", Source.MANUAL, frequency,
					aggregation, "operational", indicator, shape, thresholds, Set.of(), Set.copyOf(seasonal), 0L,
					Instant.EPOCH, Instant.EPOCH);
		}
	}

	// ---- periods -----------------------------------------------------------------------------

	/** A period holding one point, measured at noon (organisation time) on the period's first day. */
	static PeriodAggregate period(LocalDate start, double value) {
		return PeriodAggregate.of(start, noon(start), value);
	}

	/** A period holding one point, measured at noon (organisation time) on {@code day}. */
	static PeriodAggregate period(LocalDate start, LocalDate day, double value) {
		return PeriodAggregate.of(start, noon(day), value);
	}

	/** A period holding one point measured at {@code at}. */
	static PeriodAggregate period(LocalDate start, Instant at, double value) {
		return PeriodAggregate.of(start, at, value);
	}

	/** Consecutive periods of {@code frequency} from {@code first} on, one point each, with these values. */
	static List<PeriodAggregate> periods(Frequency frequency, LocalDate first, double... values) {
		var periods = new ArrayList<PeriodAggregate>();
		var start = first;
		for (double value : values) {
			periods.add(period(start, value));
			start = frequency.nextPeriodStart(start);
		}
		return periods;
	}

	static Instant noon(LocalDate day) {
		return at(day.atTime(12, 0));
	}

	/** An organisation-local date-time as an instant. */
	static Instant at(LocalDateTime local) {
		return local.atZone(ZONE).toInstant();
	}

	// ---- state -------------------------------------------------------------------------------

	static StateBuilder state(PeriodAggregate... recent) {
		return new StateBuilder(List.of(recent));
	}

	static StateBuilder state(List<PeriodAggregate> recent) {
		return new StateBuilder(recent);
	}

	static final class StateBuilder {

		private final List<PeriodAggregate> recent;
		private Long improvingObjective;
		private Instant pullFailingSince;
		private String pullFailure;

		private StateBuilder(List<PeriodAggregate> recent) {
			this.recent = recent;
		}

		StateBuilder improvedBy(long objectiveId) {
			this.improvingObjective = objectiveId;
			return this;
		}

		StateBuilder pullFailing(Instant since, String failure) {
			this.pullFailingSince = since;
			this.pullFailure = failure;
			return this;
		}

		KpiState build() {
			var withData = KpiState.empty(1L).withRecent(recent, recent.stream().mapToLong(PeriodAggregate::count).sum());
			return new KpiState(withData.kpiId(), withData.lastAt(), withData.lastValue(), withData.pointCount(),
					withData.recent(), withData.status(), improvingObjective, pullFailingSince, pullFailure);
		}
	}

	/** Shortly after the state's latest point: fresh data, never stale. */
	static Instant soonAfter(KpiState state) {
		return state.lastAt().plusSeconds(3600);
	}

	/** Judges the KPI an hour after its latest point, in the fixture's zone. */
	static KpiHealth evaluate(Kpi kpi, KpiState state) {
		return HealthRules.evaluate(kpi, state, soonAfter(state), ZONE);
	}
}
