package dev.tandem.kpi;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a KPI is updated, which also fixes its periods (days, ISO weeks from Monday,
 * calendar months and quarters, in the organisation's time zone) and how old its latest value
 * may grow before the KPI is STALE: one period plus a grace for late reporting.
 */
public enum Frequency {
	DAILY(Duration.ofDays(2)),
	WEEKLY(Duration.ofDays(10)),
	MONTHLY(Duration.ofDays(38)),
	QUARTERLY(Duration.ofDays(100));

	private final Duration allowedAge;

	Frequency(Duration allowedAge) {
		this.allowedAge = allowedAge;
	}

	public Duration allowedAge() {
		return allowedAge;
	}

	public LocalDate periodStart(Instant at, ZoneId zone) {
		return periodStart(at.atZone(zone).toLocalDate());
	}

	public LocalDate periodStart(LocalDate day) {
		return switch (this) {
			case DAILY -> day;
			case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTHLY -> day.withDayOfMonth(1);
			case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
		};
	}

	public LocalDate nextPeriodStart(LocalDate periodStart) {
		return switch (this) {
			case DAILY -> periodStart.plusDays(1);
			case WEEKLY -> periodStart.plusWeeks(1);
			case MONTHLY -> periodStart.plusMonths(1);
			case QUARTERLY -> periodStart.plusMonths(3);
		};
	}
}
