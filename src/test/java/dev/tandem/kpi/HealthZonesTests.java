package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The zones charts draw are the ranges health judges by. */
class HealthZonesTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	@Test
	void lowerIsBetterMirrorsTheThresholdLadder() {
		assertThat(Thresholds.threshold(Direction.LOWER_IS_BETTER, 4, 8).zones(Shape.THRESHOLD, DAY)).containsExactly(
				new HealthZone(null, 4.0, HealthStatus.GREEN), new HealthZone(4.0, 8.0, HealthStatus.AMBER),
				new HealthZone(8.0, null, HealthStatus.RED));
	}

	@Test
	void aBandWithoutToleranceHasNoAmber() {
		assertThat(Thresholds.band(80, 150, 0).zones(Shape.BAND, DAY)).extracting(HealthZone::status)
			.containsExactly(HealthStatus.RED, HealthStatus.GREEN, HealthStatus.RED);
	}

	@Test
	void aTrajectorysZonesFollowTheExpectedValue() {
		var trajectory = Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 100, LocalDate.of(2026, 1, 1), 200,
				LocalDate.of(2026, 1, 11));
		assertThat(trajectory.zones(Shape.TRAJECTORY, LocalDate.of(2026, 1, 6))).containsExactly(
				new HealthZone(null, 140.0, HealthStatus.RED), new HealthZone(140.0, 150.0, HealthStatus.AMBER),
				new HealthZone(150.0, null, HealthStatus.GREEN));
	}
}
