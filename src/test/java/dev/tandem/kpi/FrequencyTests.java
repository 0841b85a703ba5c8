package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FrequencyTests {

	static final ZoneId UTC = ZoneId.of("UTC");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	@ParameterizedTest(name = "{0} allows {1} days")
	@CsvSource({ "DAILY, 2", "WEEKLY, 10", "MONTHLY, 38", "QUARTERLY, 100" })
	void allowedAgeIsOnePeriodPlusAGrace(Frequency frequency, long days) {
		assertThat(frequency.allowedAge()).isEqualTo(Duration.ofDays(days));
	}

	@ParameterizedTest(name = "{0}: {1} starts {2}")
	@CsvSource({
			"DAILY, 2026-03-17, 2026-03-17", "DAILY, 2026-12-31, 2026-12-31", "DAILY, 2028-02-29, 2028-02-29",
			// ISO weeks start on Monday: 2026-03-16 is a Monday, 2026-03-22 the Sunday after it
			"WEEKLY, 2026-03-16, 2026-03-16", "WEEKLY, 2026-03-17, 2026-03-16", "WEEKLY, 2026-03-22, 2026-03-16",
			"WEEKLY, 2026-03-23, 2026-03-23",
			// a week across a month boundary and across a year boundary (2027-01-01 is a Friday)
			"WEEKLY, 2026-05-02, 2026-04-27", "WEEKLY, 2027-01-01, 2026-12-28", "WEEKLY, 2027-01-03, 2026-12-28",
			"MONTHLY, 2026-03-01, 2026-03-01", "MONTHLY, 2026-03-31, 2026-03-01", "MONTHLY, 2026-02-28, 2026-02-01",
			"MONTHLY, 2028-02-29, 2028-02-01", "MONTHLY, 2026-12-31, 2026-12-01",
			"QUARTERLY, 2026-01-01, 2026-01-01", "QUARTERLY, 2026-02-15, 2026-01-01", "QUARTERLY, 2026-03-31, 2026-01-01",
			"QUARTERLY, 2026-04-01, 2026-04-01", "QUARTERLY, 2026-05-20, 2026-04-01", "QUARTERLY, 2026-06-30, 2026-04-01",
			"QUARTERLY, 2026-07-01, 2026-07-01", "QUARTERLY, 2026-08-31, 2026-07-01", "QUARTERLY, 2026-09-30, 2026-07-01",
			"QUARTERLY, 2026-10-01, 2026-10-01", "QUARTERLY, 2026-11-11, 2026-10-01", "QUARTERLY, 2026-12-31, 2026-10-01" })
	void periodStartOfADay(Frequency frequency, LocalDate day, LocalDate start) {
		assertThat(frequency.periodStart(day)).isEqualTo(start);
	}

	@ParameterizedTest(name = "{0}: after {1} comes {2}")
	@CsvSource({
			"DAILY, 2026-03-17, 2026-03-18", "DAILY, 2026-02-28, 2026-03-01", "DAILY, 2028-02-28, 2028-02-29",
			"DAILY, 2026-12-31, 2027-01-01",
			"WEEKLY, 2026-03-16, 2026-03-23", "WEEKLY, 2026-04-27, 2026-05-04", "WEEKLY, 2026-12-28, 2027-01-04",
			"MONTHLY, 2026-01-01, 2026-02-01", "MONTHLY, 2026-02-01, 2026-03-01", "MONTHLY, 2026-12-01, 2027-01-01",
			"QUARTERLY, 2026-01-01, 2026-04-01", "QUARTERLY, 2026-04-01, 2026-07-01", "QUARTERLY, 2026-07-01, 2026-10-01",
			"QUARTERLY, 2026-10-01, 2027-01-01" })
	void nextPeriodStart(Frequency frequency, LocalDate start, LocalDate next) {
		assertThat(frequency.nextPeriodStart(start)).isEqualTo(next);
	}

	@ParameterizedTest
	@EnumSource(Frequency.class)
	void periodsTileTheCalendarWithoutGapsOrOverlaps(Frequency frequency) {
		var start = frequency.periodStart(LocalDate.of(2025, 12, 1));
		for (var day = LocalDate.of(2025, 12, 1); day.isBefore(LocalDate.of(2029, 1, 15)); day = day.plusDays(1)) {
			var periodStart = frequency.periodStart(day);
			var next = frequency.nextPeriodStart(periodStart);
			assertThat(periodStart).as("%s of %s", frequency, day).isBeforeOrEqualTo(day);
			assertThat(next).as("%s after %s", frequency, day).isAfter(day);
			assertThat(frequency.periodStart(periodStart)).as("a period starts on its own start").isEqualTo(periodStart);
			if (!periodStart.equals(start)) {
				assertThat(periodStart).as("periods follow one another").isEqualTo(frequency.nextPeriodStart(start));
				start = periodStart;
			}
		}
	}

	@Test
	void weeksAlwaysStartOnMonday() {
		for (var day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
			assertThat(Frequency.WEEKLY.periodStart(day).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		}
	}

	@ParameterizedTest(name = "{0} at 2026-03-31T23:30Z: UTC {1}, Berlin {2}")
	@CsvSource({ "DAILY, 2026-03-31, 2026-04-01", "WEEKLY, 2026-03-30, 2026-03-30", "MONTHLY, 2026-03-01, 2026-04-01",
			"QUARTERLY, 2026-01-01, 2026-04-01" })
	void anInstantIsPlacedInTheOrganisationsDayNotUtcs(Frequency frequency, LocalDate utc, LocalDate berlin) {
		var at = Instant.parse("2026-03-31T23:30:00Z");

		assertThat(frequency.periodStart(at, UTC)).isEqualTo(utc);
		assertThat(frequency.periodStart(at, BERLIN)).isEqualTo(berlin);
	}

	@Test
	void lateSundayEveningInUtcIsAlreadyNextWeekInBerlin() {
		// 2026-01-04 is a Sunday; 23:30 UTC is 00:30 on Monday in Berlin (UTC+1 in winter)
		var at = Instant.parse("2026-01-04T23:30:00Z");

		assertThat(Frequency.WEEKLY.periodStart(at, UTC)).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(Frequency.WEEKLY.periodStart(at, BERLIN)).isEqualTo(LocalDate.of(2026, 1, 5));
	}

	@Test
	void aucklandIsAlreadyInTheNextQuarterAndYear() {
		// 12:30 UTC on New Year's Eve is 01:30 on 1 January in Auckland (UTC+13 in summer time)
		var at = Instant.parse("2026-12-31T12:30:00Z");

		assertThat(Frequency.QUARTERLY.periodStart(at, UTC)).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(Frequency.QUARTERLY.periodStart(at, AUCKLAND)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(Frequency.MONTHLY.periodStart(at, AUCKLAND)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(Frequency.DAILY.periodStart(at, AUCKLAND)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(Frequency.WEEKLY.periodStart(at, AUCKLAND)).isEqualTo(LocalDate.of(2026, 12, 28));
	}

	@Test
	void westOfUtcAnInstantCanStillBeLastYear() {
		var at = Instant.parse("2027-01-01T03:00:00Z");

		assertThat(Frequency.QUARTERLY.periodStart(at, ZoneId.of("America/New_York"))).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(Frequency.QUARTERLY.periodStart(at, UTC)).isEqualTo(LocalDate.of(2027, 1, 1));
	}

	@ParameterizedTest(name = "{0} is on Berlin day {1}")
	@CsvSource({
			// spring forward: 29 March 2026 lasts 23 hours, from 23:00 UTC the day before to 22:00 UTC
			"2026-03-28T22:59:59Z, 2026-03-28", "2026-03-28T23:00:00Z, 2026-03-29", "2026-03-29T00:59:59Z, 2026-03-29",
			"2026-03-29T01:00:00Z, 2026-03-29", "2026-03-29T21:59:59Z, 2026-03-29", "2026-03-29T22:00:00Z, 2026-03-30",
			// fall back: 25 October 2026 lasts 25 hours, from 22:00 UTC the day before to 23:00 UTC
			"2026-10-24T21:59:59Z, 2026-10-24", "2026-10-24T22:00:00Z, 2026-10-25", "2026-10-25T22:30:00Z, 2026-10-25",
			"2026-10-25T22:59:59Z, 2026-10-25", "2026-10-25T23:00:00Z, 2026-10-26" })
	void daysFollowTheOrganisationsClockAcrossDaylightSavingChanges(Instant at, LocalDate day) {
		assertThat(Frequency.DAILY.periodStart(at, BERLIN)).isEqualTo(day);
	}

	@Test
	void aucklandDaylightSavingEndIsHandledToo() {
		// NZ summer time ends at 03:00 local on 5 April 2026 (clocks go back to 02:00): that day lasts 25 hours
		assertThat(Frequency.DAILY.periodStart(Instant.parse("2026-04-04T10:59:59Z"), AUCKLAND))
			.isEqualTo(LocalDate.of(2026, 4, 4));
		assertThat(Frequency.DAILY.periodStart(Instant.parse("2026-04-04T11:00:00Z"), AUCKLAND))
			.isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(Frequency.DAILY.periodStart(Instant.parse("2026-04-05T11:59:59Z"), AUCKLAND))
			.isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(Frequency.DAILY.periodStart(Instant.parse("2026-04-05T12:00:00Z"), AUCKLAND))
			.isEqualTo(LocalDate.of(2026, 4, 6));
	}
}
