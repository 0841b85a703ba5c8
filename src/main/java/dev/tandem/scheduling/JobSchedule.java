package dev.tandem.scheduling;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * A locked job as this instance schedules it. It runs once per interval across instances only
 * when every instance fires it at the same moments (a cron in an explicit zone, not a delay
 * counted from each instance's start) and its lock is kept for most of the interval, but not all
 * of it: kept longer, the next round would find the lock still held and be skipped; kept for
 * much less, an instance whose clock is a little behind would run the same round again.
 *
 * @param job the lock's name, or the method of a job without a lock
 * @param cron the cron expression, or null when the job is scheduled by delay or rate
 * @param zone the zone the cron is read in, blank for the server's default
 * @param lockAtLeastFor null when the job has no {@code @SchedulerLock}
 */
record JobSchedule(String job, String cron, String zone, Duration lockAtLeastFor) {

	/** The shortest time between two firings of the cron. */
	Duration interval() {
		var expression = CronExpression.parse(cron);
		var shortest = Duration.ofDays(366);
		ZonedDateTime at = expression.next(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
		for (int i = 0; i < 100 && at != null; i++) {
			var next = expression.next(at);
			if (next != null && Duration.between(at, next).compareTo(shortest) < 0) {
				shortest = Duration.between(at, next);
			}
			at = next;
		}
		return shortest;
	}

	Optional<String> problem() {
		if (Scheduled.CRON_DISABLED.equals(cron)) {
			return Optional.empty(); // switched off: it runs nowhere, so not twice either
		}
		if (lockAtLeastFor == null) {
			return Optional.of(job + " has no @SchedulerLock, so every instance would run it");
		}
		if (cron == null) {
			return Optional.of("job '" + job + "' is scheduled by a delay or a rate, which each instance counts from its own "
					+ "start; schedule it with a cron so that all instances fire it at the same moments");
		}
		if (zone == null || zone.isBlank()) {
			return Optional.of("job '" + job + "' reads its cron in the server's default time zone, which instances may not "
					+ "share; give the zone (UTC unless the job follows the organisation's calendar)");
		}
		var interval = interval();
		if (lockAtLeastFor.compareTo(interval) >= 0) {
			return Optional.of("job '" + job + "' keeps its lock for " + lockAtLeastFor + " but runs every " + interval
					+ ", so it would skip rounds; keep the lock for a little less than the interval");
		}
		if (lockAtLeastFor.compareTo(interval.dividedBy(2)) < 0) {
			return Optional.of("job '" + job + "' keeps its lock for only " + lockAtLeastFor + " of its " + interval
					+ " interval, so instances whose clocks differ could run the same round twice; keep it for a little "
					+ "less than the interval");
		}
		return Optional.empty();
	}
}
