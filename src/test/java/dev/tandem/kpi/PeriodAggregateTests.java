package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodAggregateTests {

	static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

	static final Instant T1 = Instant.parse("2026-03-02T08:00:00Z");

	static final Instant T2 = Instant.parse("2026-03-05T08:00:00Z");

	static final Instant T3 = Instant.parse("2026-03-09T08:00:00Z");

	static final Instant T4 = Instant.parse("2026-03-20T08:00:00Z");

	/** 4, -2, 10, 3 in time order. */
	static PeriodAggregate march() {
		return PeriodAggregate.of(MARCH, T1, 4).plus(T2, -2).plus(T3, 10).plus(T4, 3);
	}

	@ParameterizedTest(name = "{0} of 4, -2, 10, 3 is {1}")
	@CsvSource({ "LAST, 3", "SUM, 15", "AVERAGE, 3.75", "MIN, -2", "MAX, 10" })
	void aggregations(Aggregation aggregation, double expected) {
		assertThat(march().value(aggregation)).isEqualTo(expected);
	}

	@Test
	void aSinglePointIsEveryAggregation() {
		var one = PeriodAggregate.of(MARCH, T1, -7.5);

		for (var aggregation : Aggregation.values()) {
			assertThat(one.value(aggregation)).as(aggregation.name()).isEqualTo(-7.5);
		}
		assertThat(one.count()).isEqualTo(1);
		assertThat(one.lastAt()).isEqualTo(T1);
		assertThat(one.start()).isEqualTo(MARCH);
	}

	@Test
	void plusKeepsTheRollUp() {
		var march = march();

		assertThat(march.start()).isEqualTo(MARCH);
		assertThat(march.count()).isEqualTo(4);
		assertThat(march.total()).isEqualTo(15.0);
		assertThat(march.min()).isEqualTo(-2.0);
		assertThat(march.max()).isEqualTo(10.0);
		assertThat(march.lastAt()).isEqualTo(T4);
		assertThat(march.last()).isEqualTo(3.0);
	}

	@Test
	void anEarlierPointCountsButDoesNotBecomeTheLast() {
		var march = PeriodAggregate.of(MARCH, T3, 5).plus(T1, 100);

		assertThat(march.last()).isEqualTo(5.0);
		assertThat(march.lastAt()).isEqualTo(T3);
		assertThat(march.value(Aggregation.SUM)).isEqualTo(105.0);
		assertThat(march.value(Aggregation.MAX)).isEqualTo(100.0);
		assertThat(march.count()).isEqualTo(2);
	}

	@Test
	void aPointAtTheSameInstantIsTheLaterRecordAndBecomesTheLast() {
		var march = PeriodAggregate.of(MARCH, T1, 5).plus(T1, 6);

		assertThat(march.last()).isEqualTo(6.0);
		assertThat(march.count()).isEqualTo(2);
	}

	@Test
	void mergeAddsUpAndTheLaterLastWins() {
		var early = PeriodAggregate.of(MARCH, T1, 4).plus(T2, -2);
		var late = PeriodAggregate.of(MARCH, T3, 10).plus(T4, 3);

		for (var merged : new PeriodAggregate[] { early.merge(late), late.merge(early) }) {
			assertThat(merged).isEqualTo(march());
		}
	}

	@Test
	void mergeKeepsTheStartOfTheReceiver() {
		var merged = PeriodAggregate.of(MARCH, T1, 1).merge(PeriodAggregate.of(MARCH, T2, 2));

		assertThat(merged.start()).isEqualTo(MARCH);
		assertThat(merged.value(Aggregation.AVERAGE)).isEqualTo(1.5);
	}

	@Test
	void onATieTheMergedInAggregateIsTheLater() {
		var merged = PeriodAggregate.of(MARCH, T1, 1).merge(PeriodAggregate.of(MARCH, T1, 2));

		assertThat(merged.last()).isEqualTo(2.0);
		assertThat(merged.lastAt()).isEqualTo(T1);
	}

	@Test
	void mergingInterleavedPointsGivesTheSameAsAddingThemInOrder() {
		var odd = PeriodAggregate.of(MARCH, T1, 4).plus(T3, 10);
		var even = PeriodAggregate.of(MARCH, T2, -2).plus(T4, 3);

		assertThat(odd.merge(even)).isEqualTo(march());
		assertThat(even.merge(odd)).isEqualTo(march());
	}

	@Test
	void averageIsOverPointsNotDays() {
		var march = PeriodAggregate.of(MARCH, T1, 1).plus(T1.plusSeconds(1), 2).plus(T4, 6);

		assertThat(march.value(Aggregation.AVERAGE)).isEqualTo(3.0);
	}
}
