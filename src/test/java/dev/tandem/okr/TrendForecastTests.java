package dev.tandem.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.kpi.ValueRange;
import dev.tandem.okr.TrendForecast.Observation;

class TrendForecastTests {

	static final LocalDate START = LocalDate.of(2026, 1, 5);

	@Test
	void studentTMatchesTheTables() {
		assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228, within(0.001));
		assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706, within(0.001));
		assertThat(StudentT.quantile(0.975, 3)).isCloseTo(3.182, within(0.001));
		assertThat(StudentT.quantile(0.975, 1000)).isCloseTo(1.962, within(0.001));
		assertThat(StudentT.cdf(0, 5)).isCloseTo(0.5, within(1e-12));
		assertThat(StudentT.cdf(-2.015, 5)).isCloseTo(0.05, within(0.0005));
		assertThat(StudentT.quantile(0.025, 10)).isCloseTo(-2.228, within(0.001));
		assertThatThrownBy(() -> StudentT.quantile(1, 3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPerfectLineProjectsExactlyAndIsCertain() {
		// pit stop falling 0.05 s a week from 8.0: twelve weeks on it is at 7.4
		var points = weekly(8.0, -0.05, 0, 6);
		var forecast = TrendForecast.project(points, START, week(12), START.plusWeeks(12), 7.4, MetricDirection.DECREASE)
			.orElseThrow();
		assertThat(forecast.projected()).isCloseTo(7.4, within(1e-9));
		assertThat(forecast.lower()).isCloseTo(7.4, within(1e-9));
		assertThat(forecast.upper()).isCloseTo(7.4, within(1e-9));
		assertThat(forecast.trendPerWeek()).isCloseTo(-0.05, within(1e-9));
		assertThat(forecast.probability()).isEqualTo(1.0);
		assertThat(forecast.outlook()).isEqualTo(Outlook.LIKELY);
		assertThat(TrendForecast.project(points, START, week(12), START.plusWeeks(12), 7.0, MetricDirection.DECREASE)
			.orElseThrow().outlook()).isEqualTo(Outlook.UNLIKELY);
	}

	@Test
	void intervalMatchesTheTextbookFormula() {
		// x = 0..4 weeks, y = 1, 3, 2, 5, 4: slope 0.8/week, intercept 1.4, s² = 3.6/3 = 1.2
		var values = new double[] { 1, 3, 2, 5, 4 };
		var points = new ArrayList<Observation>();
		for (int i = 0; i < values.length; i++) {
			points.add(new Observation(week(i), values[i]));
		}
		var forecast = TrendForecast.project(points, START, week(6), START.plusWeeks(6), 6, MetricDirection.INCREASE)
			.orElseThrow();
		double projected = 1.4 + 0.8 * 6;
		// in days: Stt = 49 · 10, t0 − t̄ = 28
		double spread = Math.sqrt(1.2) * Math.sqrt(1 + 1.0 / 5 + 28.0 * 28.0 / 490);
		double half = 3.182446 * spread;
		assertThat(forecast.projected()).isCloseTo(projected, within(1e-4));
		assertThat(forecast.lower()).isCloseTo(projected - half, within(1e-3));
		assertThat(forecast.upper()).isCloseTo(projected + half, within(1e-3));
		assertThat(forecast.trendPerWeek()).isCloseTo(0.8, within(1e-9));
		assertThat(forecast.probability()).isBetween(0.5, 0.7);
		assertThat(forecast.outlook()).isEqualTo(Outlook.POSSIBLE);
		assertThat(forecast.periods()).isEqualTo(5);
	}

	@Test
	void aTrendAwayFromTheTargetIsUnlikely() {
		// attrition rising while the target asks it to fall
		var points = weekly(12, 0.2, 0, 8);
		var forecast = TrendForecast.project(noisy(points), START, week(13), START.plusWeeks(13), 11, MetricDirection.DECREASE)
			.orElseThrow();
		assertThat(forecast.projected()).isGreaterThan(13);
		assertThat(forecast.outlook()).isEqualTo(Outlook.UNLIKELY);
		assertThat(forecast.lower()).isLessThan(forecast.projected());
		assertThat(forecast.upper()).isGreaterThan(forecast.projected());
	}

	@Test
	void fewerThanThreePointsGiveNoForecast() {
		assertThat(TrendForecast.project(List.of(), START, week(4), START, 1, MetricDirection.INCREASE)).isEmpty();
		assertThat(TrendForecast.project(weekly(1, 1, 0, 1), START, week(4), START, 1, MetricDirection.INCREASE)).isEmpty();
	}

	@Test
	void pointsAtOneInstantGiveNoLine() {
		var at = week(0);
		var points = List.of(new Observation(at, 1), new Observation(at, 2), new Observation(at, 3));
		assertThat(TrendForecast.project(points, START, week(4), START, 1, MetricDirection.INCREASE)).isEmpty();
	}

	@Test
	void aProjectionAndItsIntervalStayInsideTheRangeAMetricCanTake() {
		// uptime falling 12 points a week from 99 %: a line would project far below 0 %
		var points = noisy(weekly(99, -12, 0, 5));
		var percent = new ValueRange(0.0, 100.0);
		var forecast = TrendForecast.project(points, START, week(14), START.plusWeeks(14), 99, MetricDirection.INCREASE,
				percent).orElseThrow();
		assertThat(forecast.projected()).isEqualTo(0.0);
		assertThat(forecast.lower()).isEqualTo(0.0);
		assertThat(forecast.upper()).isBetween(0.0, 100.0);
		assertThat(forecast.trendPerWeek()).as("the slope is the line's, not clipped").isCloseTo(-12, within(0.1));
		assertThat(forecast.probability()).isZero();
		var unbounded = TrendForecast.project(points, START, week(14), START.plusWeeks(14), 99, MetricDirection.INCREASE,
				ValueRange.UNBOUNDED).orElseThrow();
		assertThat(unbounded.projected()).isNegative();
	}

	@Test
	void theChanceOfReachingATargetIsTakenOnTheCensoredDistribution() {
		var percent = new ValueRange(0.0, 100.0);
		// a target inside the range: as without a range
		assertThat(TrendForecast.probability(98, 2, 99, MetricDirection.INCREASE, 5, percent))
			.isCloseTo(TrendForecast.probability(98, 2, 99, MetricDirection.INCREASE, 5, ValueRange.UNBOUNDED), within(1e-12));
		// a target at the bound: only the mass piled at the bound reaches it, P(X >= 100)
		assertThat(TrendForecast.probability(99, 2, 100, MetricDirection.INCREASE, 5, percent))
			.isCloseTo(1 - StudentT.cdf(0.5, 5), within(1e-9));
		// beyond the bound: unreachable, however the line runs
		assertThat(TrendForecast.probability(130, 2, 101, MetricDirection.INCREASE, 5, percent)).isZero();
		assertThat(TrendForecast.probability(-30, 2, -1, MetricDirection.DECREASE, 5, percent)).isZero();
		// at or below the lower bound when increasing: every value reaches it
		assertThat(TrendForecast.probability(-40, 2, 0, MetricDirection.INCREASE, 5, percent)).isEqualTo(1.0);
		assertThat(TrendForecast.probability(140, 2, 100, MetricDirection.DECREASE, 5, percent)).isEqualTo(1.0);
		// a decrease to the lower bound: P(X <= 0)
		assertThat(TrendForecast.probability(1, 2, 0, MetricDirection.DECREASE, 5, percent))
			.isCloseTo(StudentT.cdf(-0.5, 5), within(1e-9));
		// no scatter: the clipped line decides
		assertThat(TrendForecast.probability(120, 0, 100, MetricDirection.INCREASE, 5, percent)).isEqualTo(1.0);
		// only a lower bound (a count)
		var count = new ValueRange(0.0, null);
		assertThat(TrendForecast.probability(5, 3, 1e9, MetricDirection.INCREASE, 5, count)).isLessThan(1e-6);
		assertThat(count.clip(-3)).isZero();
		assertThat(count.clip(1e9)).isEqualTo(1e9);
	}

	@Test
	void anIntervalEntirelyOutsideTheRangeCollapsesOntoTheBound() {
		// a count falling 10 a week from 30: by week 20 the whole interval lies below 0
		var points = noisy(weekly(30, -10, 0, 3));
		var forecast = TrendForecast.project(points, START, week(20), START.plusWeeks(20), 5, MetricDirection.DECREASE,
				new ValueRange(0.0, null)).orElseThrow();
		assertThat(forecast.projected()).isZero();
		assertThat(forecast.lower()).isZero();
		assertThat(forecast.upper()).as("the interval's top is below 0 too").isZero();
		// every value is piled at 0, which is at or below 5: reached for certain
		assertThat(forecast.probability()).isEqualTo(1.0);
		// the same line with an open range projects far below
		var open = TrendForecast.project(points, START, week(20), START.plusWeeks(20), 5, MetricDirection.DECREASE,
				ValueRange.UNBOUNDED).orElseThrow();
		assertThat(open.upper()).isNegative();
		// above a range: clipped to its max, and a target beyond the max is never reached
		var rising = TrendForecast.project(noisy(weekly(60, 10, 0, 3)), START, week(20), START.plusWeeks(20), 101,
				MetricDirection.INCREASE, new ValueRange(0.0, 100.0)).orElseThrow();
		assertThat(rising.lower()).isEqualTo(100.0);
		assertThat(rising.projected()).isEqualTo(100.0);
		assertThat(rising.upper()).isEqualTo(100.0);
		assertThat(rising.probability()).isZero();
	}

	@Test
	void aTargetOnTheBoundIsReachedByTheMassPiledThere() {
		// rising well past 100 %: the mass beyond 100 counts as at 100, so a target of 100 is near certain
		var points = noisy(weekly(90, 2, 0, 5));
		var forecast = TrendForecast.project(points, START, week(12), START.plusWeeks(12), 100, MetricDirection.INCREASE,
				new ValueRange(0.0, 100.0)).orElseThrow();
		assertThat(forecast.projected()).isEqualTo(100.0);
		assertThat(forecast.probability()).isGreaterThan(0.99);
		// the same for a decrease to the lower bound
		var falling = TrendForecast.project(noisy(weekly(10, -2, 0, 5)), START, week(12), START.plusWeeks(12), 0,
				MetricDirection.DECREASE, new ValueRange(0.0, 100.0)).orElseThrow();
		assertThat(falling.projected()).isZero();
		assertThat(falling.probability()).isGreaterThan(0.99);
	}

	@Test
	void aGrowthRateInPercentWithAnExplicitRangeMayGoNegative() {
		// revenue growth falling 3 points a week from 10 %: below 0 is a real value, not clipped
		var growth = ValueRange.of(dev.tandem.kpi.Unit.PERCENT, -100.0, null);
		var points = noisy(weekly(10, -3, 0, 5));
		var forecast = TrendForecast.project(points, START, week(10), START.plusWeeks(10), 5, MetricDirection.INCREASE,
				growth).orElseThrow();
		assertThat(forecast.projected()).isCloseTo(-20, within(0.5));
		assertThat(forecast.lower()).isLessThan(forecast.projected());
		assertThat(forecast.probability()).isLessThan(0.01);
		// with the unit's default range the same line stops at 0
		var clipped = TrendForecast.project(points, START, week(10), START.plusWeeks(10), 5, MetricDirection.INCREASE,
				ValueRange.of(dev.tandem.kpi.Unit.PERCENT)).orElseThrow();
		assertThat(clipped.projected()).isZero();
		// and a growth target above 100 % is reachable once the range allows it
		assertThat(TrendForecast.probability(130, 5, 120, MetricDirection.INCREASE, 5, growth)).isGreaterThan(0.9);
		assertThat(TrendForecast.probability(130, 5, 120, MetricDirection.INCREASE, 5, ValueRange.of(dev.tandem.kpi.Unit.PERCENT)))
			.isZero();
	}

	@Test
	void anOpenUpperEndLeavesTheForecastAsTheLineHasIt() {
		var points = noisy(weekly(10, 5, 0, 5));
		var bounded = TrendForecast.project(points, START, week(20), START.plusWeeks(20), 100, MetricDirection.INCREASE,
				new ValueRange(0.0, null)).orElseThrow();
		var open = TrendForecast.project(points, START, week(20), START.plusWeeks(20), 100, MetricDirection.INCREASE,
				ValueRange.UNBOUNDED).orElseThrow();
		assertThat(bounded).isEqualTo(open);
		assertThat(bounded.projected()).isGreaterThan(100);
	}

	@Test
	void outlookBands() {
		assertThat(TrendForecast.outlook(0.7)).isEqualTo(Outlook.LIKELY);
		assertThat(TrendForecast.outlook(0.69)).isEqualTo(Outlook.POSSIBLE);
		assertThat(TrendForecast.outlook(0.3)).isEqualTo(Outlook.POSSIBLE);
		assertThat(TrendForecast.outlook(0.29)).isEqualTo(Outlook.UNLIKELY);
	}

	private static Instant week(int n) {
		return START.plusWeeks(n).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static List<Observation> weekly(double first, double perWeek, int fromWeek, int toWeek) {
		var points = new ArrayList<Observation>();
		for (int i = fromWeek; i <= toWeek; i++) {
			points.add(new Observation(week(i), first + perWeek * i));
		}
		return points;
	}

	private static List<Observation> noisy(List<Observation> points) {
		var noisy = new ArrayList<Observation>();
		for (int i = 0; i < points.size(); i++) {
			noisy.add(new Observation(points.get(i).at(), points.get(i).value() + (i % 2 == 0 ? 0.05 : -0.05)));
		}
		return noisy;
	}
}
