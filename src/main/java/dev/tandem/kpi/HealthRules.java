package dev.tandem.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Judges a KPI from its definition and its recent periods. Plain rules, no I/O: the latest
 * period is compared with the thresholds in force for it; the trend compares each period's
 * "goodness" (how far it is on the good side of its thresholds) with the one before.
 */
final class HealthRules {

	/** Changes smaller than this share of the values compared count as flat. */
	static final double FLAT_SHARE = 0.005;

	private HealthRules() {
	}

	static KpiHealth evaluate(Kpi kpi, KpiState state, Instant now, ZoneId zone) {
		var mode = state.improvingObjective() == null ? Mode.MONITORED : Mode.IMPROVING;
		var periods = judgedPeriods(kpi, state.recent(), now, zone);
		if (periods.isEmpty()) {
			// a feed that never delivered is as loud as one that stopped
			var failing = state.pullFailingSince() != null;
			return new KpiHealth(kpi.key(), failing ? HealthStatus.STALE : HealthStatus.NO_DATA, null, null, null, null,
					Trend.FLAT, 0, mode, state.improvingObjective(), null,
					failing ? staleReason(kpi, state, now, zone) : null);
		}
		var latest = periods.get(periods.size() - 1);
		var verdict = judge(kpi, latest, zone);
		var status = verdict.status();
		var staleReason = staleReason(kpi, state, now, zone);
		if (staleReason != null) {
			status = HealthStatus.STALE;
		}
		int worsening = 0;
		for (int i = periods.size() - 1; i > 0 && step(kpi, periods.get(i - 1), periods.get(i), zone) == Trend.WORSENING; i--) {
			worsening++;
		}
		var trend = periods.size() < 2 ? Trend.FLAT : step(kpi, periods.get(periods.size() - 2), latest, zone);
		return new KpiHealth(kpi.key(), status, verdict.value(), latest.start(), verdict.position(), verdict.expected(),
				trend, worsening, mode, state.improvingObjective(), state.lastAt(), staleReason);
	}

	/**
	 * The periods that count. A summed KPI's period still in progress would look like a collapse
	 * (three days of a month's sales), so a SUM KPI is judged on its last complete period while
	 * the current one fills up.
	 */
	static List<PeriodAggregate> judgedPeriods(Kpi kpi, List<PeriodAggregate> recent, Instant now, ZoneId zone) {
		if (kpi.aggregation() != Aggregation.SUM || recent.size() < 2) {
			return recent;
		}
		var current = kpi.frequency().periodStart(now, zone);
		var latest = recent.get(recent.size() - 1);
		return latest.start().equals(current) ? recent.subList(0, recent.size() - 1) : recent;
	}

	record Verdict(HealthStatus status, double value, Position position, Double expected) {
	}

	static Verdict judge(Kpi kpi, PeriodAggregate period, ZoneId zone) {
		double value = period.value(kpi.aggregation());
		var t = kpi.thresholdsFor(period.start());
		return switch (kpi.shape()) {
			case THRESHOLD -> {
				double good = value * t.direction().sign();
				var status = good >= t.target() * t.direction().sign() ? HealthStatus.GREEN
						: good >= t.warning() * t.direction().sign() ? HealthStatus.AMBER : HealthStatus.RED;
				yield new Verdict(status, value, null, null);
			}
			case BAND -> {
				var position = value < t.lower() ? Position.BELOW : value > t.upper() ? Position.ABOVE : Position.WITHIN;
				double outside = Math.max(t.lower() - value, value - t.upper());
				var status = position == Position.WITHIN ? HealthStatus.GREEN
						: outside <= t.bandTolerance() ? HealthStatus.AMBER : HealthStatus.RED;
				yield new Verdict(status, value, position, null);
			}
			case TRAJECTORY -> {
				double expected = t.expectedAt(dateOf(period, zone));
				double shortfall = (expected - value) * t.direction().sign();
				var status = shortfall <= 0 ? HealthStatus.GREEN
						: shortfall <= t.trajectoryTolerance() ? HealthStatus.AMBER : HealthStatus.RED;
				yield new Verdict(status, value, null, expected);
			}
		};
	}

	/** How far a period is on the good side of its thresholds: bigger is better, whatever the shape. */
	static double goodness(Kpi kpi, PeriodAggregate period, ZoneId zone) {
		double value = period.value(kpi.aggregation());
		var t = kpi.thresholdsFor(period.start());
		return switch (kpi.shape()) {
			case THRESHOLD -> (value - t.target()) * t.direction().sign();
			case BAND -> -Math.max(0, Math.max(t.lower() - value, value - t.upper()));
			case TRAJECTORY -> (value - t.expectedAt(dateOf(period, zone))) * t.direction().sign();
		};
	}

	static Trend step(Kpi kpi, PeriodAggregate before, PeriodAggregate after, ZoneId zone) {
		double delta = goodness(kpi, after, zone) - goodness(kpi, before, zone);
		double scale = Math.max(Math.abs(before.value(kpi.aggregation())), Math.abs(after.value(kpi.aggregation())));
		if (Math.abs(delta) <= FLAT_SHARE * scale || delta == 0) {
			return Trend.FLAT;
		}
		return delta > 0 ? Trend.IMPROVING : Trend.WORSENING;
	}

	private static LocalDate dateOf(PeriodAggregate period, ZoneId zone) {
		return period.lastAt().atZone(zone).toLocalDate();
	}

	static String staleReason(Kpi kpi, KpiState state, Instant now, ZoneId zone) {
		if (state.pullFailingSince() != null) {
			return "Its scheduled pull has been failing since " + format(state.pullFailingSince(), zone)
					+ (state.pullFailure() == null ? "." : ": " + state.pullFailure());
		}
		if (state.lastAt() != null && Duration.between(state.lastAt(), now).compareTo(kpi.frequency().allowedAge()) > 0) {
			return "No value since " + format(state.lastAt(), zone) + "; a " + kpi.frequency().name().toLowerCase()
					+ " KPI needs one at least every " + kpi.frequency().allowedAge().toDays() + " days.";
		}
		return null;
	}

	private static String format(Instant at, ZoneId zone) {
		return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(zone));
	}
}
