package dev.tandem.loop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiHealth;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Mode;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Trend;
import dev.tandem.kpi.Unit;

/** KPIs as the loop sees them, for rule tests: a threshold KPI with a given health. */
final class LoopKpis {

	private LoopKpis() {
	}

	static KpiView threshold(String key, Direction direction, double target, double warning, HealthStatus status,
			Double value, int worsening) {
		return kpi(key, Shape.THRESHOLD, direction, target, warning, null, null, status, value, worsening, Mode.MONITORED);
	}

	static KpiView band(String key, double lower, double upper, HealthStatus status, Double value) {
		return kpi(key, Shape.BAND, null, null, null, lower, upper, status, value, 0, Mode.MONITORED);
	}

	static KpiView kpi(String key, Shape shape, Direction direction, Double target, Double warning, Double lower,
			Double upper, HealthStatus status, Double value, int worsening, Mode mode) {
		var health = new KpiHealth(key, status, value, LocalDate.of(2026, 11, 1), null, null,
				worsening > 0 ? Trend.WORSENING : Trend.FLAT, worsening, mode, mode == Mode.IMPROVING ? 1L : null,
				value == null ? null : Instant.parse("2026-11-20T00:00:00Z"), null);
		return new KpiView(1, key, "KPI " + key, null, "team", "owner", Unit.PERCENT, null, null, null, "a / b", Source.API,
				Frequency.MONTHLY, Aggregation.LAST, null, Indicator.LAGGING, List.of(), shape, direction, target, warning,
				lower, upper, null, null, null, null, List.of(), 0, Instant.EPOCH, Instant.EPOCH, health);
	}
}
