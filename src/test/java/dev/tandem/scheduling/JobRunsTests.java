package dev.tandem.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JobRunsTests {

	@Test
	void countsAndTimesEachRunByItsOutcome() {
		var meters = new SimpleMeterRegistry();
		var runs = new JobRuns(meters);
		runs.run("sweep", () -> {
		});
		runs.run("sweep", () -> {
		});
		assertThatThrownBy(() -> runs.run("sweep", () -> {
			throw new IllegalStateException("database away");
		})).hasMessage("database away");

		assertThat(meters.get("tandem.jobs.run").tags("job", "sweep", "outcome", "success").timer().count()).isEqualTo(2);
		assertThat(meters.get("tandem.jobs.run").tags("job", "sweep", "outcome", "failure").timer().count()).isEqualTo(1);
	}
}
