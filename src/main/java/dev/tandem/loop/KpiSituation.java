package dev.tandem.loop;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiHealth;
import dev.tandem.kpi.KpiStanding;
import dev.tandem.kpi.KpiView;

/**
 * How bad a KPI is, in one comparable number: its distance from healthy, normalised by the
 * width of its amber zone (1.0 = at the warning line; above 1 is red territory). Zero when healthy.
 */
record KpiSituation(HealthStatus status, Double value, int worseningPeriods, double distance) {

	static KpiSituation of(KpiView kpi, KpiHealth health) {
		return new KpiSituation(health.status(), health.value(), health.worseningPeriods(), distance(kpi, health));
	}

	static double distance(KpiView kpi, KpiHealth health) {
		return distance(KpiStanding.of(kpi, 0), health);
	}

	static double distance(KpiStanding kpi) {
		return distance(kpi, kpi.health());
	}

	private static double distance(KpiStanding kpi, KpiHealth health) {
		if (health.value() == null) {
			return 0;
		}
		double value = health.value();
		return switch (kpi.shape()) {
			case THRESHOLD -> {
				double sign = kpi.direction().sign();
				double shortfall = (kpi.target() - value) * sign;
				double amber = Math.abs(kpi.target() - kpi.warning());
				yield shortfall <= 0 ? 0 : shortfall / amber;
			}
			case BAND -> {
				double outside = Math.max(0, Math.max(kpi.lower() - value, value - kpi.upper()));
				double scale = kpi.tolerance() != null && kpi.tolerance() > 0 ? kpi.tolerance() : (kpi.upper() - kpi.lower()) / 2;
				yield outside / scale;
			}
			case TRAJECTORY -> {
				double expected = health.expected() == null ? kpi.target() : health.expected();
				double shortfall = (expected - value) * kpi.direction().sign();
				double tolerance = kpi.tolerance() != null ? kpi.tolerance() : Math.abs(kpi.target() - kpi.baseline()) / 10;
				yield shortfall <= 0 ? 0 : shortfall / tolerance;
			}
		};
	}
}
