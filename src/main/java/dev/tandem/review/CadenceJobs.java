package dev.tandem.review;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.scheduling.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The cadence's periodic jobs, on one instance per round (see the scheduling module). Each looks
 * every quarter of an hour whether its day and hour have come in the organisation's zone; what
 * it hands over is keyed by person and period, so a round more or less changes nothing.
 */
@Component
class CadenceJobs {

	private final CheckInReminders reminders;
	private final DecisionNotices notices;
	private final Digests digests;
	private final JobRuns runs;

	CadenceJobs(CheckInReminders reminders, DecisionNotices notices, Digests digests, JobRuns runs) {
		this.reminders = reminders;
		this.notices = notices;
		this.digests = digests;
		this.runs = runs;
	}

	@Scheduled(cron = "${tandem.cadence.cron}", zone = "UTC")
	@SchedulerLock(name = "check-in-reminders", lockAtLeastFor = "${tandem.cadence.lock-at-least-for}")
	void remind() {
		runs.run("check-in-reminders", () -> {
			reminders.sendDue();
			notices.sendDue();
		});
	}

	@Scheduled(cron = "${tandem.cadence.cron}", zone = "UTC")
	@SchedulerLock(name = "digests", lockAtLeastFor = "${tandem.cadence.lock-at-least-for}")
	void digest() {
		runs.run("digests", () -> digests.sendDue(true));
	}
}
