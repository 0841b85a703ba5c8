package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * KPI views as the facade hands them to pages, for page tests in any module: one of each shape,
 * with health as of {@link #NOW}.
 */
public final class KpiViewFixtures {

	public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	private KpiViewFixtures() {
	}

	public static KpiView threshold(String key, String name, String team, HealthStatus status, Double value) {
		return kpi(key, name, team, Shape.THRESHOLD, status, value, Trend.FLAT, 0, Mode.MONITORED, null);
	}

	public static KpiView kpi(String key, String name, String team, Shape shape, HealthStatus status, Double value, Trend trend,
			int worsening, Mode mode, Long objective) {
		var health = new KpiHealth(key, status, value, value == null ? null : LocalDate.of(2026, 3, 9),
				shape == Shape.BAND ? Position.WITHIN : null, shape == Shape.TRAJECTORY ? 150.0 : null, trend, worsening,
				mode, objective, value == null ? null : NOW.minusSeconds(3600), null);
		return switch (shape) {
			case THRESHOLD -> new KpiView(1, key, name, "What " + name + " measures.", team, "sam", Unit.PERCENT, null, null, null,
					"up / all", Source.MANUAL, Frequency.DAILY, Aggregation.AVERAGE, "customer", Indicator.LAGGING,
					List.of(), shape, Direction.HIGHER_IS_BETTER, 99.0, 97.0, null, null, null, null, null, null,
					List.of(), 3, NOW, NOW, health);
			case BAND -> new KpiView(2, key, name, null, team, "sam", Unit.COUNT, null, null, null, null, Source.CSV,
					Frequency.DAILY, Aggregation.LAST, "operational", Indicator.LEADING, List.of(), shape, null, null, null,
					80.0, 150.0, 30.0, null, null, null, List.of(), 1, NOW, NOW, health);
			case TRAJECTORY -> new KpiView(3, key, name, null, team, "sam", Unit.CURRENCY, "EUR", null, null, null, Source.API,
					Frequency.MONTHLY, Aggregation.SUM, "financial", Indicator.LAGGING, List.of(), shape,
					Direction.HIGHER_IS_BETTER, 200.0, null, null, null, null, 100.0, LocalDate.of(2026, 1, 1),
					LocalDate.of(2026, 12, 31), List.of(), 1, NOW, NOW, health);
		};
	}
}
