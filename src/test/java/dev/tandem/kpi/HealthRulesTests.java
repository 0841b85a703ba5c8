package dev.tandem.kpi;

import static dev.tandem.kpi.KpiFixtures.ZONE;
import static dev.tandem.kpi.KpiFixtures.at;
import static dev.tandem.kpi.KpiFixtures.band;
import static dev.tandem.kpi.KpiFixtures.evaluate;
import static dev.tandem.kpi.KpiFixtures.higherIsBetter;
import static dev.tandem.kpi.KpiFixtures.lowerIsBetter;
import static dev.tandem.kpi.KpiFixtures.period;
import static dev.tandem.kpi.KpiFixtures.periods;
import static dev.tandem.kpi.KpiFixtures.state;
import static dev.tandem.kpi.KpiFixtures.trajectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthRulesTests {

	static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

	/** Judges a single period of the KPI, holding one value. */
	static KpiHealth judgeOne(Kpi kpi, double value) {
		return evaluate(kpi, state(period(MARCH, value)).build());
	}

	@Nested
	class NoData {

		@Test
		void aKpiWithoutPeriodsHasNoDataAndNothingElse() {
			var health = evaluate(higherIsBetter(90, 80).build(), KpiState.empty(1L), Instant.parse("2026-03-01T00:00:00Z"));

			assertThat(health.kpi()).isEqualTo("test-kpi");
			assertThat(health.status()).isEqualTo(HealthStatus.NO_DATA);
			assertThat(health.value()).isNull();
			assertThat(health.periodStart()).isNull();
			assertThat(health.position()).isNull();
			assertThat(health.expected()).isNull();
			assertThat(health.trend()).isEqualTo(Trend.FLAT);
			assertThat(health.worseningPeriods()).isZero();
			assertThat(health.worseningSignal()).isFalse();
			assertThat(health.mode()).isEqualTo(Mode.MONITORED);
			assertThat(health.lastMeasuredAt()).isNull();
			assertThat(health.staleReason()).isNull();
		}

		@Test
		void noDataNeverGoesStaleWithTime() {
			var health = evaluate(higherIsBetter(90, 80).build(), KpiState.empty(1L), Instant.parse("2099-01-01T00:00:00Z"));

			assertThat(health.status()).isEqualTo(HealthStatus.NO_DATA);
		}

		@Test
		void anImprovingObjectiveIsShownEvenWithoutData() {
			var health = evaluate(higherIsBetter(90, 80).build(), state().improvedBy(42).build(),
					Instant.parse("2026-03-01T00:00:00Z"));

			assertThat(health.status()).isEqualTo(HealthStatus.NO_DATA);
			assertThat(health.mode()).isEqualTo(Mode.IMPROVING);
			assertThat(health.improvingObjectiveId()).isEqualTo(42L);
		}

		@Test
		void aFeedThatNeverDeliveredIsStaleWithItsReason() {
			var health = evaluate(higherIsBetter(90, 80).build(),
					state().pullFailing(Instant.parse("2026-02-27T06:00:00Z"), "connection 'db': the query failed").build(),
					Instant.parse("2026-03-01T00:00:00Z"));

			assertThat(health.status()).isEqualTo(HealthStatus.STALE);
			assertThat(health.staleReason()).contains("failing since 2026-02-27").contains("the query failed");
			assertThat(health.value()).isNull();
		}

		private KpiHealth evaluate(Kpi kpi, KpiState state, Instant now) {
			return HealthRules.evaluate(kpi, state, now, ZONE);
		}
	}

	@Nested
	class OnePoint {

		@Test
		void aSinglePointIsJudgedAndReportedWithItsPeriod() {
			var at = at(LocalDate.of(2026, 3, 17).atTime(9, 30));
			var state = state(period(MARCH, at, 95)).build();

			var health = evaluate(higherIsBetter(90, 80).build(), state);

			assertThat(health.status()).isEqualTo(HealthStatus.GREEN);
			assertThat(health.value()).isEqualTo(95.0);
			assertThat(health.periodStart()).isEqualTo(MARCH);
			assertThat(health.lastMeasuredAt()).isEqualTo(at);
			assertThat(health.trend()).as("one period has nothing to compare with").isEqualTo(Trend.FLAT);
			assertThat(health.worseningPeriods()).isZero();
			assertThat(health.staleReason()).isNull();
			assertThat(health.position()).isNull();
			assertThat(health.expected()).isNull();
		}

		@Test
		void theLatestPeriodIsJudgedNotTheFirst() {
			var health = evaluate(higherIsBetter(90, 80).build(),
					state(periods(Frequency.MONTHLY, MARCH, 50, 95)).build());

			assertThat(health.status()).isEqualTo(HealthStatus.GREEN);
			assertThat(health.value()).isEqualTo(95.0);
			assertThat(health.periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
		}

		@Test
		void theValueIsTheKpisAggregationOfThePeriod() {
			var march = period(MARCH, 70).plus(KpiFixtures.noon(MARCH.plusDays(1)), 100)
				.plus(KpiFixtures.noon(MARCH.plusDays(2)), 85);
			var kpi = higherIsBetter(90, 80);

			assertThat(evaluate(kpi.aggregation(Aggregation.LAST).build(), state(march).build()).value()).isEqualTo(85.0);
			assertThat(evaluate(kpi.aggregation(Aggregation.MAX).build(), state(march).build()).status())
				.isEqualTo(HealthStatus.GREEN);
			assertThat(evaluate(kpi.aggregation(Aggregation.MIN).build(), state(march).build()).status())
				.isEqualTo(HealthStatus.RED);
			assertThat(evaluate(kpi.aggregation(Aggregation.AVERAGE).build(), state(march).build()).value())
				.isEqualTo(85.0);
		}
	}

	@Nested
	class ThresholdShape {

		@ParameterizedTest(name = "higher is better, target 90, warning 80: {0} is {1}")
		@CsvSource({ "1000, GREEN", "90.01, GREEN", "90, GREEN", "89.99, AMBER", "85, AMBER", "80, AMBER",
				"79.99, RED", "0, RED", "-5, RED" })
		void higherIsBetter_greenAtOrAboveTarget_amberDownToWarning_redBelow(double value, HealthStatus expected) {
			assertThat(judgeOne(higherIsBetter(90, 80).build(), value).status()).isEqualTo(expected);
		}

		@ParameterizedTest(name = "lower is better, target 2, warning 5: {0} is {1}")
		@CsvSource({ "-1, GREEN", "0, GREEN", "1.99, GREEN", "2, GREEN", "2.01, AMBER", "4, AMBER", "5, AMBER",
				"5.01, RED", "100, RED" })
		void lowerIsBetter_isTheMirrorImage(double value, HealthStatus expected) {
			assertThat(judgeOne(lowerIsBetter(2, 5).build(), value).status()).isEqualTo(expected);
		}

		@ParameterizedTest(name = "negative thresholds, higher is better: {0} is {1}")
		@CsvSource({ "-10, GREEN", "-15, AMBER", "-20, AMBER", "-20.5, RED" })
		void negativeThresholdsWorkTheSameWay(double value, HealthStatus expected) {
			assertThat(judgeOne(higherIsBetter(-10, -20).build(), value).status()).isEqualTo(expected);
		}

		@Test
		void aThresholdKpiHasNoPositionAndNoExpectation() {
			var health = judgeOne(higherIsBetter(90, 80).build(), 85);

			assertThat(health.position()).isNull();
			assertThat(health.expected()).isNull();
			assertThat(health.value()).isEqualTo(85.0);
		}
	}

	@Nested
	class BandShape {

		@ParameterizedTest(name = "band [10, 20] without tolerance: {0} is {1} {2}")
		@CsvSource({ "5, BELOW, RED", "9.99, BELOW, RED", "10, WITHIN, GREEN", "15, WITHIN, GREEN",
				"20, WITHIN, GREEN", "20.01, ABOVE, RED", "30, ABOVE, RED" })
		void withoutTolerance_anythingOutsideIsRed(double value, Position position, HealthStatus status) {
			var health = judgeOne(band(10, 20).build(), value);

			assertThat(health.position()).isEqualTo(position);
			assertThat(health.status()).isEqualTo(status);
			assertThat(health.expected()).isNull();
		}

		@ParameterizedTest(name = "band [10, 20] tolerance 2: {0} is {1} {2}")
		@CsvSource({ "7.5, BELOW, RED", "8, BELOW, AMBER", "9, BELOW, AMBER", "10, WITHIN, GREEN",
				"20, WITHIN, GREEN", "21, ABOVE, AMBER", "22, ABOVE, AMBER", "22.5, ABOVE, RED" })
		void withTolerance_justOutsideIsAmber(double value, Position position, HealthStatus status) {
			var health = judgeOne(band(10, 20, 2).build(), value);

			assertThat(health.position()).isEqualTo(position);
			assertThat(health.status()).isEqualTo(status);
		}

		@Test
		void aZeroToleranceIsTheSameAsNone() {
			assertThat(judgeOne(band(10, 20, 0).build(), 9.5).status()).isEqualTo(HealthStatus.RED);
			assertThat(judgeOne(band(10, 20, 0).build(), 10).status()).isEqualTo(HealthStatus.GREEN);
		}
	}

	@Nested
	class TrajectoryShape {

		static final LocalDate BASELINE_DATE = LocalDate.of(2026, 1, 1);

		static final LocalDate TARGET_DATE = BASELINE_DATE.plusDays(100);

		/** 100 on the baseline date, 200 a hundred days later: one more per day. */
		static KpiFixtures.KpiBuilder growing() {
			return trajectory(Direction.HIGHER_IS_BETTER, 100, BASELINE_DATE, 200, TARGET_DATE);
		}

		/** 200 on the baseline date, 100 a hundred days later: one less per day. */
		static KpiFixtures.KpiBuilder shrinking() {
			return trajectory(Direction.LOWER_IS_BETTER, 200, BASELINE_DATE, 100, TARGET_DATE);
		}

		static KpiHealth judgeOn(Kpi kpi, LocalDate day, double value) {
			var start = kpi.frequency().periodStart(day);
			return evaluate(kpi, state(period(start, day, value)).build());
		}

		@ParameterizedTest(name = "{0} days after the baseline date, 100 -> 200 over 100 days expects {1}")
		@CsvSource({ "-400, 100", "-1, 100", "0, 100", "1, 101", "25, 125", "50, 150", "99, 199", "100, 200",
				"101, 200", "1000, 200" })
		void expectationIsInterpolatedBetweenTheDatesAndHeldFlatOutside(int days, double expected) {
			var health = judgeOn(growing().build(), BASELINE_DATE.plusDays(days), 0);

			assertThat(health.expected()).isCloseTo(expected, within(1e-9));
		}

		@Test
		void theExpectationIsForTheDayOfThePeriodsLatestPointNotItsStart() {
			// March 2026 starts 59 days after the baseline date; its latest point is 14 days later still.
			var kpi = growing().build();
			var health = evaluate(kpi, state(period(MARCH, LocalDate.of(2026, 3, 15), 173)).build());

			assertThat(health.expected()).isCloseTo(173.0, within(1e-9));
			assertThat(health.status()).isEqualTo(HealthStatus.GREEN);
			assertThat(health.periodStart()).isEqualTo(MARCH);
		}

		@Test
		void theDayOfThePointIsTakenInTheOrganisationsZone() {
			// 23:30 UTC on day 49 is already day 50 in Berlin, and still day 49 in UTC.
			var day49 = BASELINE_DATE.plusDays(49);
			var instant = day49.atTime(23, 30).atZone(ZoneId.of("UTC")).toInstant();
			var kpi = growing().frequency(Frequency.DAILY).build();
			var state = state(period(day49, instant, 0)).build();

			assertThat(HealthRules.evaluate(kpi, state, instant, ZONE).expected()).isCloseTo(150.0, within(1e-9));
			assertThat(HealthRules.evaluate(kpi, state, instant, ZoneId.of("UTC")).expected())
				.isCloseTo(149.0, within(1e-9));
		}

		@ParameterizedTest(name = "expected 150, default tolerance 10: {0} is {1}")
		@CsvSource({ "1000, GREEN", "150.5, GREEN", "150, GREEN", "149, AMBER", "140, AMBER", "139.9, RED",
				"100, RED" })
		void defaultToleranceIsATenthOfTheWayFromBaselineToTarget(double value, HealthStatus status) {
			var health = judgeOn(growing().build(), BASELINE_DATE.plusDays(50), value);

			assertThat(health.status()).isEqualTo(status);
			assertThat(health.expected()).isCloseTo(150.0, within(1e-9));
			assertThat(health.value()).isEqualTo(value);
			assertThat(health.position()).isNull();
		}

		@ParameterizedTest(name = "expected 150, tolerance 5: {0} is {1}")
		@CsvSource({ "150, GREEN", "146, AMBER", "145, AMBER", "144.9, RED", "140, RED" })
		void anExplicitToleranceReplacesTheDefault(double value, HealthStatus status) {
			var kpi = trajectory(Direction.HIGHER_IS_BETTER, 100, BASELINE_DATE, 200, TARGET_DATE, 5).build();

			assertThat(judgeOn(kpi, BASELINE_DATE.plusDays(50), value).status()).isEqualTo(status);
		}

		@Test
		void aZeroToleranceMakesAnyShortfallRed() {
			var kpi = trajectory(Direction.HIGHER_IS_BETTER, 100, BASELINE_DATE, 200, TARGET_DATE, 0).build();

			assertThat(judgeOn(kpi, BASELINE_DATE.plusDays(50), 149.9).status()).isEqualTo(HealthStatus.RED);
			assertThat(judgeOn(kpi, BASELINE_DATE.plusDays(50), 150).status()).isEqualTo(HealthStatus.GREEN);
		}

		@ParameterizedTest(name = "decreasing, expected 150, default tolerance 10: {0} is {1}")
		@CsvSource({ "0, GREEN", "140, GREEN", "150, GREEN", "151, AMBER", "160, AMBER", "160.1, RED", "200, RED" })
		void aDecreasingTrajectoryIsOnTrackAtOrBelowItsExpectation(double value, HealthStatus status) {
			var health = judgeOn(shrinking().build(), BASELINE_DATE.plusDays(50), value);

			assertThat(health.expected()).isCloseTo(150.0, within(1e-9));
			assertThat(health.status()).isEqualTo(status);
		}

		@Test
		void afterTheTargetDateTheTargetItselfIsExpected() {
			var late = TARGET_DATE.plusDays(30);

			assertThat(judgeOn(growing().build(), late, 200).status()).isEqualTo(HealthStatus.GREEN);
			assertThat(judgeOn(growing().build(), late, 190).status()).isEqualTo(HealthStatus.AMBER);
			assertThat(judgeOn(growing().build(), late, 189).status()).isEqualTo(HealthStatus.RED);
		}

		@Test
		void beforeTheBaselineDateTheBaselineIsExpected() {
			var early = BASELINE_DATE.minusDays(30);

			assertThat(judgeOn(growing().build(), early, 100).status()).isEqualTo(HealthStatus.GREEN);
			assertThat(judgeOn(growing().build(), early, 90).status()).isEqualTo(HealthStatus.AMBER);
			assertThat(judgeOn(shrinking().build(), early, 211).status()).isEqualTo(HealthStatus.RED);
		}
	}

	@Nested
	class SeasonalThresholds {

		static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

		static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

		/** All year target 90 / warning 80; a low season from June (50 / 40) and a high one from December (95 / 85). */
		static Kpi seasonal() {
			return higherIsBetter(90, 80)
				.from(DECEMBER, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 95, 85))
				.from(JUNE, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40))
				.build();
		}

		static HealthStatus statusIn(Kpi kpi, LocalDate periodStart, double value) {
			return evaluate(kpi, state(period(periodStart, value)).build()).status();
		}

		@ParameterizedTest(name = "{0}: {1} is {2}")
		@CsvSource({ "2026-05-01, 60, RED", "2026-06-01, 60, GREEN", "2026-06-01, 45, AMBER", "2026-11-01, 60, GREEN",
				"2026-12-01, 90, AMBER", "2026-12-01, 95, GREEN", "2027-03-01, 84, RED" })
		void theLatestEntryStartingOnOrBeforeThePeriodIsInForce(LocalDate periodStart, double value,
				HealthStatus status) {
			assertThat(statusIn(seasonal(), periodStart, value)).isEqualTo(status);
		}

		@Test
		void beforeTheFirstEntryTheKpisOwnThresholdsApply() {
			var kpi = seasonal();

			assertThat(kpi.thresholdsFor(LocalDate.of(2026, 5, 31))).isEqualTo(kpi.thresholds());
			assertThat(kpi.thresholdsFor(LocalDate.of(1990, 1, 1))).isEqualTo(kpi.thresholds());
			assertThat(kpi.thresholdsFor(JUNE).target()).isEqualTo(50.0);
			assertThat(kpi.thresholdsFor(DECEMBER.minusDays(1)).target()).isEqualTo(50.0);
			assertThat(kpi.thresholdsFor(DECEMBER).target()).isEqualTo(95.0);
			assertThat(kpi.thresholdsFor(LocalDate.of(2030, 1, 1)).target()).isEqualTo(95.0);
		}

		@Test
		void anEntryStartingMidPeriodIsNotYetInForceForThatPeriod() {
			var kpi = higherIsBetter(90, 80).from(LocalDate.of(2026, 6, 15),
					Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40)).build();

			assertThat(statusIn(kpi, JUNE, 60)).isEqualTo(HealthStatus.RED);
			assertThat(statusIn(kpi, LocalDate.of(2026, 7, 1), 60)).isEqualTo(HealthStatus.GREEN);
		}

		@Test
		void seasonalBandsAndTrajectoriesAreUsedToo() {
			var bands = band(10, 20).from(JUNE, KpiFixtures.bandThresholds(30, 40, null)).build();

			assertThat(evaluate(bands, state(period(JUNE, 35)).build()).position()).isEqualTo(Position.WITHIN);
			assertThat(evaluate(bands, state(period(MARCH, 35)).build()).position()).isEqualTo(Position.ABOVE);
		}

		@Test
		void movingFromOneSeasonsTargetToTheNextIsNotAWorsening() {
			// Exactly on target in May (90), then exactly on the low season's target in June and July (50):
			// the business is as healthy as planned, so the trend is flat, not worsening.
			var kpi = seasonal();
			var state = state(periods(Frequency.MONTHLY, LocalDate.of(2026, 5, 1), 90, 50, 50)).build();
			var june = state(periods(Frequency.MONTHLY, LocalDate.of(2026, 5, 1), 90, 50)).build();

			assertThat(evaluate(kpi, june).status()).isEqualTo(HealthStatus.GREEN);
			assertThat(evaluate(kpi, june).trend()).isEqualTo(Trend.FLAT);
			assertThat(evaluate(kpi, state).worseningPeriods()).isZero();
		}

		@Test
		void aSeasonChangeDoesNotHideARealDecline() {
			// 10 above target in May, only 5 above the low season's target in June.
			var kpi = seasonal();
			var state = state(periods(Frequency.MONTHLY, LocalDate.of(2026, 5, 1), 100, 55)).build();

			assertThat(evaluate(kpi, state).trend()).isEqualTo(Trend.WORSENING);
		}
	}

	@Nested
	class Stale {

		@ParameterizedTest(name = "{0} allows {1} days")
		@CsvSource({ "DAILY, 2", "WEEKLY, 10", "MONTHLY, 38", "QUARTERLY, 100" })
		void justWithinTheAllowedAgeTheKpiIsJudgedOnItsValue(Frequency frequency, long days) {
			var last = Instant.parse("2026-03-10T10:00:00Z");
			var kpi = higherIsBetter(90, 80).frequency(frequency).build();
			var state = state(period(frequency.periodStart(last, ZONE), last, 95)).build();

			var health = HealthRules.evaluate(kpi, state, last.plus(Duration.ofDays(days)), ZONE);

			assertThat(health.status()).isEqualTo(HealthStatus.GREEN);
			assertThat(health.staleReason()).isNull();
		}

		@ParameterizedTest(name = "{0} allows {1} days")
		@CsvSource({ "DAILY, 2, daily", "WEEKLY, 10, weekly", "MONTHLY, 38, monthly", "QUARTERLY, 100, quarterly" })
		void justPastTheAllowedAgeTheKpiIsStaleAndSaysWhy(Frequency frequency, long days, String name) {
			var last = Instant.parse("2026-03-10T10:00:00Z");
			var kpi = higherIsBetter(90, 80).frequency(frequency).build();
			var state = state(period(frequency.periodStart(last, ZONE), last, 95)).build();

			var health = HealthRules.evaluate(kpi, state, last.plus(Duration.ofDays(days)).plusSeconds(1), ZONE);

			assertThat(health.status()).isEqualTo(HealthStatus.STALE);
			assertThat(health.staleReason()).isEqualTo(
					"No value since 2026-03-10; a " + name + " KPI needs one at least every " + days + " days.");
			assertThat(health.value()).as("the last value is still shown").isEqualTo(95.0);
			assertThat(health.lastMeasuredAt()).isEqualTo(last);
		}

		@Test
		void theDateInTheReasonIsTheOrganisationsDate() {
			var last = Instant.parse("2026-03-10T23:30:00Z");
			var kpi = higherIsBetter(90, 80).frequency(Frequency.DAILY).build();
			var state = state(period(LocalDate.of(2026, 3, 11), last, 95)).build();
			var now = last.plus(Duration.ofDays(5));

			assertThat(HealthRules.evaluate(kpi, state, now, ZONE).staleReason()).startsWith("No value since 2026-03-11;");
			assertThat(HealthRules.evaluate(kpi, state, now, ZoneId.of("America/New_York")).staleReason())
				.startsWith("No value since 2026-03-10;");
		}

		@Test
		void aFailingPullMakesEvenFreshDataStale() {
			var state = state(period(MARCH, 95)).pullFailing(Instant.parse("2026-03-01T23:30:00Z"), "HTTP 503 from source")
				.build();

			var health = evaluate(higherIsBetter(90, 80).build(), state);

			assertThat(health.status()).isEqualTo(HealthStatus.STALE);
			assertThat(health.staleReason())
				.isEqualTo("Its scheduled pull has been failing since 2026-03-02: HTTP 503 from source");
			assertThat(health.value()).isEqualTo(95.0);
		}

		@Test
		void aFailingPullWithoutADetailEndsTheSentence() {
			var state = state(period(MARCH, 95)).pullFailing(Instant.parse("2026-03-05T10:00:00Z"), null).build();

			assertThat(evaluate(higherIsBetter(90, 80).build(), state).staleReason())
				.isEqualTo("Its scheduled pull has been failing since 2026-03-05.");
		}

		@Test
		void staleOverridesEveryColour() {
			var last = KpiFixtures.noon(MARCH);
			var now = last.plus(Duration.ofDays(60));
			var kpi = higherIsBetter(90, 80).build();

			for (double value : new double[] { 10, 85, 95 }) {
				assertThat(HealthRules.evaluate(kpi, state(period(MARCH, value)).build(), now, ZONE).status())
					.isEqualTo(HealthStatus.STALE);
			}
		}
	}

	@Nested
	class Trends {

		static KpiHealth afterValues(Kpi kpi, double... values) {
			return evaluate(kpi, state(periods(Frequency.MONTHLY, LocalDate.of(2025, 1, 1), values)).build());
		}

		@ParameterizedTest(name = "higher is better: {0} -> {1} is {2}")
		@CsvSource({ "100, 110, IMPROVING", "110, 100, WORSENING", "100, 100, FLAT", "0, 0, FLAT",
				"1000, 1004, FLAT", "1000, 996, FLAT", "1000, 1006, IMPROVING", "1000, 994, WORSENING",
				"-100, -90, IMPROVING", "-90, -100, WORSENING" })
		void trendWhenHigherIsBetter(double before, double after, Trend trend) {
			assertThat(afterValues(higherIsBetter(90, 80).build(), before, after).trend()).isEqualTo(trend);
		}

		@ParameterizedTest(name = "lower is better: {0} -> {1} is {2}")
		@CsvSource({ "100, 110, WORSENING", "110, 100, IMPROVING", "100, 100, FLAT", "1000, 1004, FLAT",
				"1000, 1006, WORSENING", "1000, 994, IMPROVING" })
		void trendWhenLowerIsBetter(double before, double after, Trend trend) {
			assertThat(afterValues(lowerIsBetter(2, 5).build(), before, after).trend()).isEqualTo(trend);
		}

		@Test
		void theFlatBandIsHalfAPercentOfTheLargerValue() {
			assertThat(HealthRules.FLAT_SHARE).isEqualTo(0.005);
			// 0.5 % of 200 is 1: a change of 0.9 is flat, 1.1 is not
			assertThat(afterValues(higherIsBetter(90, 80).build(), 200, 200.9).trend()).isEqualTo(Trend.FLAT);
			assertThat(afterValues(higherIsBetter(90, 80).build(), 200, 201.1).trend()).isEqualTo(Trend.IMPROVING);
			assertThat(afterValues(higherIsBetter(90, 80).build(), 200, 198.9).trend()).isEqualTo(Trend.WORSENING);
			// around zero any change is real
			assertThat(afterValues(higherIsBetter(90, 80).build(), 0, 0.001).trend()).isEqualTo(Trend.IMPROVING);
		}

		@ParameterizedTest(name = "band [10, 20]: {0} -> {1} is {2}")
		@CsvSource({ "25, 22, IMPROVING", "22, 25, WORSENING", "5, 8, IMPROVING", "8, 5, WORSENING",
				"15, 25, WORSENING", "25, 15, IMPROVING", "11, 19, FLAT", "19, 11, FLAT" })
		void aBandImprovesTowardsItselfAndIsFlatInside(double before, double after, Trend trend) {
			assertThat(afterValues(band(10, 20).build(), before, after).trend()).isEqualTo(trend);
		}

		@Test
		void aTrajectoryWorsensWhenItFallsFurtherBehindEvenThoughTheValueRises() {
			var start = LocalDate.of(2026, 1, 1);
			var kpi = trajectory(Direction.HIGHER_IS_BETTER, 100, start, 200, start.plusDays(100))
				.frequency(Frequency.DAILY).build();
			// expected 110 then 120: the value rises by 5 but falls 5 further behind
			var state = state(period(start.plusDays(10), 110), period(start.plusDays(20), 115)).build();

			var health = evaluate(kpi, state);

			assertThat(health.trend()).isEqualTo(Trend.WORSENING);
			assertThat(health.worseningPeriods()).isEqualTo(1);
		}

		@Test
		void aDecreasingTrajectoryImprovesWhenItCatchesUp() {
			var start = LocalDate.of(2026, 1, 1);
			var kpi = trajectory(Direction.LOWER_IS_BETTER, 200, start, 100, start.plusDays(100))
				.frequency(Frequency.DAILY).build();
			// expected 190 then 180; actual 195 (5 behind) then 180 (on track)
			var state = state(period(start.plusDays(10), 195), period(start.plusDays(20), 180)).build();

			assertThat(evaluate(kpi, state).trend()).isEqualTo(Trend.IMPROVING);
		}

		@Test
		void onlyTheLastStepMakesTheTrend() {
			assertThat(afterValues(higherIsBetter(90, 80).build(), 50, 40, 30, 35).trend()).isEqualTo(Trend.IMPROVING);
			assertThat(afterValues(higherIsBetter(90, 80).build(), 10, 20, 30, 25).trend()).isEqualTo(Trend.WORSENING);
		}
	}

	@Nested
	class WorseningRuns {

		@ParameterizedTest(name = "{0} -> {1} worsening periods")
		@CsvSource(delimiter = '|', value = { "100 | 0", "100 110 | 0", "110 100 | 1", "100 98 96 | 2",
				"100 98 96 94 | 3", "100 99 97 95 93 | 4", "90 95 93 91 89 | 3", "100 98 98 96 94 | 2",
				"100 98 96 94 95 | 0", "100 90 80 70 60 50 40 30 | 7" })
		void countsTheConsecutiveWorseningStepsEndingWithTheLatestPeriod(String values, int expected) {
			var numbers = java.util.Arrays.stream(values.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
			var health = evaluate(higherIsBetter(90, 80).build(),
					state(periods(Frequency.MONTHLY, LocalDate.of(2025, 1, 1), numbers)).build());

			assertThat(health.worseningPeriods()).isEqualTo(expected);
			assertThat(health.worseningSignal()).isEqualTo(expected >= 3);
		}

		@Test
		void aRunIsCountedAgainstTheDirection() {
			var health = evaluate(lowerIsBetter(2, 5).build(),
					state(periods(Frequency.MONTHLY, LocalDate.of(2025, 1, 1), 1, 1.5, 2, 3)).build());

			assertThat(health.worseningPeriods()).isEqualTo(3);
			assertThat(health.worseningSignal()).isTrue();
			assertThat(health.status()).isEqualTo(HealthStatus.AMBER);
		}

		@Test
		void threeWorseningPeriodsAreASignalEvenWhileGreen() {
			var health = evaluate(higherIsBetter(90, 80).build(),
					state(periods(Frequency.MONTHLY, LocalDate.of(2025, 1, 1), 200, 180, 160, 140)).build());

			assertThat(health.status()).isEqualTo(HealthStatus.GREEN);
			assertThat(health.worseningSignal()).isTrue();
		}

		@ParameterizedTest(name = "{0} worsening periods: signal {1}")
		@CsvSource({ "0, false", "1, false", "2, false", "3, true", "4, true", "8, true" })
		void theSignalStartsAtThree(int periods, boolean signal) {
			var health = new KpiHealth("k", HealthStatus.GREEN, 1.0, MARCH, null, null, Trend.WORSENING, periods,
					Mode.MONITORED, null, null, null);

			assertThat(KpiHealth.WORSENING_SIGNAL).isEqualTo(3);
			assertThat(health.worseningSignal()).isEqualTo(signal);
		}
	}

	@Nested
	class SummedKpis {

		static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

		static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 1);

		/** January 1000, February 1100 complete; March only 100 so far. */
		static KpiState salesSoFar() {
			return state(period(JANUARY, 1000), period(FEBRUARY, 1100), period(MARCH, LocalDate.of(2026, 3, 3), 100))
				.build();
		}

		static KpiFixtures.KpiBuilder sales() {
			return higherIsBetter(1000, 900).aggregation(Aggregation.SUM);
		}

		@Test
		void aSumKpiIsJudgedOnItsLastCompletePeriodWhileTheCurrentOneFillsUp() {
			var now = at(LocalDate.of(2026, 3, 3).atTime(18, 0));

			var health = HealthRules.evaluate(sales().build(), salesSoFar(), now, ZONE);

			assertThat(health.status()).isEqualTo(HealthStatus.GREEN);
			assertThat(health.value()).isEqualTo(1100.0);
			assertThat(health.periodStart()).isEqualTo(FEBRUARY);
			assertThat(health.trend()).isEqualTo(Trend.IMPROVING);
			assertThat(health.worseningPeriods()).isZero();
			assertThat(health.lastMeasuredAt()).as("the latest point is still reported").isEqualTo(salesSoFar().lastAt());
		}

		@Test
		void onceThePeriodIsOverItIsJudged() {
			var now = at(LocalDate.of(2026, 4, 1).atTime(0, 30));

			var health = HealthRules.evaluate(sales().build(), salesSoFar(), now, ZONE);

			assertThat(health.status()).isEqualTo(HealthStatus.RED);
			assertThat(health.value()).isEqualTo(100.0);
			assertThat(health.periodStart()).isEqualTo(MARCH);
			assertThat(health.trend()).isEqualTo(Trend.WORSENING);
		}

		@Test
		void theCurrentPeriodIsTheOrganisationsNotUtcs() {
			// 22:30 UTC on 31 March is already April in Berlin (UTC+2 in summer time): March is complete.
			var now = Instant.parse("2026-03-31T22:30:00Z");

			assertThat(HealthRules.evaluate(sales().build(), salesSoFar(), now, ZONE).periodStart()).isEqualTo(MARCH);
			assertThat(HealthRules.evaluate(sales().build(), salesSoFar(), now, ZoneId.of("UTC")).periodStart())
				.isEqualTo(FEBRUARY);
		}

		@Test
		void otherAggregationsAreJudgedOnTheCurrentPeriod() {
			var now = at(LocalDate.of(2026, 3, 3).atTime(18, 0));

			for (var aggregation : List.of(Aggregation.LAST, Aggregation.AVERAGE, Aggregation.MIN, Aggregation.MAX)) {
				var health = HealthRules.evaluate(sales().aggregation(aggregation).build(), salesSoFar(), now, ZONE);
				assertThat(health.periodStart()).as(aggregation.name()).isEqualTo(MARCH);
				assertThat(health.status()).as(aggregation.name()).isEqualTo(HealthStatus.RED);
			}
		}

		@Test
		void aSumKpiWithOnlyTheCurrentPeriodIsJudgedOnIt() {
			var now = at(LocalDate.of(2026, 3, 3).atTime(18, 0));
			var state = state(period(MARCH, LocalDate.of(2026, 3, 3), 100)).build();

			var health = HealthRules.evaluate(sales().build(), state, now, ZONE);

			assertThat(health.periodStart()).isEqualTo(MARCH);
			assertThat(health.value()).isEqualTo(100.0);
		}

		@Test
		void theRunOfWorseningPeriodsIgnoresTheCurrentPeriod() {
			var now = at(LocalDate.of(2026, 5, 2).atTime(18, 0));
			var periods = new ArrayList<>(periods(Frequency.MONTHLY, JANUARY, 2000, 1900, 1800, 1700));
			periods.add(period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), 10));
			var health = HealthRules.evaluate(sales().build(), state(periods).build(), now, ZONE);

			assertThat(health.periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
			assertThat(health.worseningPeriods()).isEqualTo(3);
		}
	}

	@Nested
	class Modes {

		@Test
		void aKpiIsMonitoredWhileNoObjectiveImprovesIt() {
			var health = evaluate(higherIsBetter(90, 80).build(), state(period(MARCH, 50)).build());

			assertThat(health.mode()).isEqualTo(Mode.MONITORED);
			assertThat(health.improvingObjectiveId()).isNull();
		}

		@Test
		void aKpiIsImprovingWhileAnObjectiveIsSet() {
			var health = evaluate(higherIsBetter(90, 80).build(), state(period(MARCH, 50)).improvedBy(7).build());

			assertThat(health.mode()).isEqualTo(Mode.IMPROVING);
			assertThat(health.improvingObjectiveId()).isEqualTo(7L);
			assertThat(health.status()).as("improvement does not hide the status").isEqualTo(HealthStatus.RED);
		}
	}
}
