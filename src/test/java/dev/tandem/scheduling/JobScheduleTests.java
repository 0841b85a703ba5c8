package dev.tandem.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class JobScheduleTests {

	@Test
	void aLockKeptJustUnderTheIntervalRunsTheJobOncePerInterval() {
		assertThat(new JobSchedule("sweep", "0 */15 * * * *", "UTC", Duration.ofMinutes(14)).problem()).isEmpty();
		assertThat(new JobSchedule("sweep", "*/2 * * * * *", "UTC", Duration.ofMillis(1500)).problem()).isEmpty();
	}

	@Test
	void theIntervalIsTheShortestGapBetweenFirings() {
		assertThat(new JobSchedule("sweep", "0 5/15 * * * *", "UTC", Duration.ZERO).interval()).isEqualTo(Duration.ofMinutes(15));
		assertThat(new JobSchedule("digest", "0 0 9 * * MON-FRI", "UTC", Duration.ZERO).interval()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void aLockAsLongAsTheIntervalWouldSkipRounds() {
		assertThat(new JobSchedule("sweep", "0 */15 * * * *", "UTC", Duration.ofMinutes(15)).problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("'sweep'", "skip rounds"));
	}

	@Test
	void aShortLockLetsInstancesWithSkewedClocksRunARoundTwice() {
		assertThat(new JobSchedule("sweep", "0 */15 * * * *", "UTC", Duration.ofMinutes(5)).problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("twice"));
	}

	@Test
	void aJobSwitchedOffWithADashIsNoProblemWhateverItsLock() {
		assertThat(new JobSchedule("sweep", "-", "UTC", Duration.ofMinutes(14)).problem()).isEmpty();
		assertThat(new JobSchedule("void Sweep.run()", "-", "UTC", null).problem()).isEmpty();
	}

	@Test
	void everyJobTakesALock() {
		assertThat(new JobSchedule("void Sweep.run()", "0 */15 * * * *", "UTC", null).problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("Sweep.run()", "every instance"));
	}

	@Test
	void aJobMustFireOnTheClockInAGivenZone() {
		assertThat(new JobSchedule("sweep", null, "", Duration.ofMinutes(14)).problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("cron"));
		assertThat(new JobSchedule("sweep", "0 */15 * * * *", "", Duration.ofMinutes(14)).problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("time zone"));
	}
}
