package dev.tandem.pull;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.scheduling.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Runs the pulls that are due, every minute, on one instance per round (see the scheduling module). */
@Component
class PullJob {

	private final PullRuns pulls;
	private final JobRuns runs;
	private final Clock clock;

	PullJob(PullRuns pulls, JobRuns runs, Clock clock) {
		this.pulls = pulls;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${tandem.jobs.pulls.cron}", zone = "UTC")
	@SchedulerLock(name = "pulls", lockAtLeastFor = "${tandem.jobs.pulls.lock-at-least-for}")
	void run() {
		runs.run("pulls", () -> pulls.runDue(clock.instant()));
	}
}
