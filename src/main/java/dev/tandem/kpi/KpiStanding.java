package dev.tandem.kpi;

/**
 * A KPI as far as weighing how much its health matters: its health, the thresholds it is judged
 * by, its unit, category and indicator, and how many KPIs drive it and how many it drives. Far
 * leaner than a {@link KpiView} (no owner, no drivers' keys, no seasonal thresholds, no history),
 * so that thousands can be read and ranked for a page that shows a few.
 */
public record KpiStanding(String key, String name, String team, Unit unit, String category, Indicator indicator,
		Shape shape, Direction direction, Double target, Double warning, Double lower, Double upper, Double tolerance,
		Double baseline, int drivers, int drives, KpiHealth health) {

	/** The standing of a KPI already read in full, given how many KPIs it drives. */
	public static KpiStanding of(KpiView kpi, int drives) {
		return new KpiStanding(kpi.key(), kpi.name(), kpi.team(), kpi.unit(), kpi.category(), kpi.indicator(),
				kpi.shape(), kpi.direction(), kpi.target(), kpi.warning(), kpi.lower(), kpi.upper(), kpi.tolerance(),
				kpi.baseline(), kpi.drivers().size(), drives, kpi.health());
	}
}
