package dev.tandem.loop;

import java.util.Optional;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Thresholds;

/**
 * How an achieved level becomes a KPI's new baseline. A threshold (or a trajectory's end target)
 * moves to the level achieved when that beats it, and a threshold's warning line moves with it
 * so the amber zone keeps its width. A band is a range to stay within, not a level to raise.
 */
final class GraduationRules {

	private GraduationRules() {
	}

	static Optional<Thresholds> raised(KpiView kpi, double achieved) {
		if (kpi.shape() == Shape.BAND || kpi.direction() == null || kpi.target() == null) {
			return Optional.empty();
		}
		double gain = (achieved - kpi.target()) * kpi.direction().sign();
		if (gain <= 0) {
			return Optional.empty();
		}
		return Optional.of(switch (kpi.shape()) {
			case THRESHOLD -> Thresholds.threshold(kpi.direction(), achieved, kpi.warning() + (achieved - kpi.target()));
			case TRAJECTORY -> new Thresholds(kpi.direction(), achieved, null, null, null, kpi.tolerance(), kpi.baseline(),
					kpi.baselineDate(), kpi.targetDate());
			case BAND -> throw new IllegalStateException("a band is never raised");
		});
	}

	/** For a new KPI graduated from a key result: a warning line on the unhealthy side, half the way back to the baseline. */
	static double warningFor(double achieved, Double baseline, boolean decrease) {
		double gap = baseline == null ? 0 : Math.abs(achieved - baseline) / 2;
		if (gap == 0) {
			gap = Math.max(Math.abs(achieved) * 0.05, 1e-6);
		}
		return decrease ? achieved + gap : achieved - gap;
	}
}
