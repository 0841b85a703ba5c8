package dev.tandem.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods the cadence counts in, in the organisation's zone: ISO weeks (Monday first) and days. */
final class Weeks {

	private Weeks() {
	}

	/** "2026-W49": the ISO week of the day, which is what keys a weekly message. */
	static String isoWeek(LocalDate day) {
		return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	static Instant weekStart(Instant now, ZoneId zone) {
		return monday(now, zone).atStartOfDay(zone).toInstant();
	}

	static LocalDate monday(Instant now, ZoneId zone) {
		return now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** This week's moment for the day and hour: a weekly job sends from then until the week ends. */
	static ZonedDateTime thisWeeks(Instant now, ZoneId zone, DayOfWeek day, int hour) {
		return monday(now, zone).with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0).atZone(zone);
	}

	/** Whether this week's day and hour have come. */
	static boolean reached(Instant now, ZoneId zone, DayOfWeek day, int hour) {
		return !now.isBefore(thisWeeks(now, zone, day, hour).toInstant());
	}
}
