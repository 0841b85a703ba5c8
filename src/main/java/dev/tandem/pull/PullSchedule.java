package dev.tandem.pull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.scheduling.support.CronExpression;

import dev.tandem.kpi.Frequency;

/**
 * When a PULL KPI runs next: at its cron's next firing in the organisation's zone, or by
 * default a few minutes into the next period of its frequency. A failing feed is retried sooner
 * at first and then less and less often: five minutes after the first failure, doubling, at most
 * {@code maxBackoff} apart.
 */
final class PullSchedule {

	static final Duration FIRST_RETRY = Duration.ofMinutes(5);

	/** Into the period, so that a daily pull asks after midnight has passed everywhere in the source, too. */
	static final Duration INTO_PERIOD = Duration.ofMinutes(5);

	private PullSchedule() {
	}

	/** The cron's problem in words, or null when it parses. */
	static String cronProblem(String cron) {
		try {
			CronExpression.parse(cron.strip());
			return null;
		}
		catch (IllegalArgumentException e) {
			return "'" + cron + "' is not a cron expression: six fields, second minute hour day-of-month month "
					+ "day-of-week, such as \"0 0 6 * * *\" for six every morning (in the organisation's zone)";
		}
	}

	static Instant next(String cron, Frequency frequency, Instant after, ZoneId zone) {
		if (cron != null && !cron.isBlank()) {
			var next = CronExpression.parse(cron.strip()).next(after.atZone(zone));
			return next == null ? after.plus(Duration.ofDays(3650)) : next.toInstant();
		}
		var start = frequency.nextPeriodStart(frequency.periodStart(after, zone));
		return start.atStartOfDay(zone).toInstant().plus(INTO_PERIOD);
	}

	/** After the {@code failures}-th failure in a row. */
	static Instant retry(int failures, Instant now, Duration maxBackoff) {
		var delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
		return now.plus(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
	}
}
