package dev.tandem.notify;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.scheduling.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Delivers the outbox's due messages, on one instance at a time (the claims keep even two apart). */
@Component
class OutboxJob {

	static final String JOB = "outbox";

	private final OutboxDelivery delivery;
	private final JobRuns runs;
	private final Clock clock;

	OutboxJob(OutboxDelivery delivery, JobRuns runs, Clock clock) {
		this.delivery = delivery;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${tandem.jobs.outbox.cron}", zone = "UTC")
	@SchedulerLock(name = JOB, lockAtLeastFor = "${tandem.jobs.outbox.lock-at-least-for}")
	void deliver() {
		runs.run(JOB, () -> delivery.deliverDue(clock.instant()));
	}
}
