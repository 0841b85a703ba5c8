package dev.tandem.security;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.scheduling.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Keeps the sign-in throttle's tables small: guessing at random usernames writes a row a try,
 * and only the last window's rows can lock anything.
 */
@Component
class SignInCleanupJob {

	private final SignInThrottle throttle;
	private final JobRuns runs;

	SignInCleanupJob(SignInThrottle throttle, JobRuns runs) {
		this.throttle = throttle;
		this.runs = runs;
	}

	@Scheduled(cron = "${tandem.jobs.sign-in-cleanup.cron}", zone = "UTC")
	@SchedulerLock(name = "sign-in-cleanup", lockAtLeastFor = "${tandem.jobs.sign-in-cleanup.lock-at-least-for}")
	void cleanUp() {
		runs.run("sign-in-cleanup", throttle::forgetExpired);
	}
}
