package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueRangeTests {

	@Test
	void theUnitImpliesARangeWhenTheKpiSetsNone() {
		assertThat(ValueRange.of(Unit.PERCENT, null, null)).isEqualTo(new ValueRange(0.0, 100.0));
		assertThat(ValueRange.of(Unit.COUNT, null, null)).isEqualTo(new ValueRange(0.0, null));
		assertThat(ValueRange.of(Unit.CURRENCY, null, null)).isEqualTo(new ValueRange(0.0, null));
		assertThat(ValueRange.of(Unit.DURATION, null, null)).isEqualTo(new ValueRange(0.0, null));
		assertThat(ValueRange.of(Unit.RATIO, null, null)).isEqualTo(ValueRange.UNBOUNDED);
		assertThat(ValueRange.of(Unit.SCORE, null, null)).isEqualTo(ValueRange.UNBOUNDED);
		assertThat(ValueRange.of(null, null, null)).isEqualTo(ValueRange.UNBOUNDED);
	}

	@Test
	void explicitEndsReplaceTheUnitsAsAPair() {
		// a growth rate in percent: may fall to -100 and pass 100
		assertThat(ValueRange.of(Unit.PERCENT, -100.0, null)).isEqualTo(new ValueRange(-100.0, null));
		assertThat(ValueRange.of(Unit.PERCENT, null, 50.0)).isEqualTo(new ValueRange(null, 50.0));
		assertThat(ValueRange.of(Unit.RATIO, 0.0, 1.0)).isEqualTo(new ValueRange(0.0, 1.0));
	}

	@Test
	void clipsAndContainsWithOpenEnds() {
		var atLeastZero = new ValueRange(0.0, null);
		assertThat(atLeastZero.clip(-3)).isZero();
		assertThat(atLeastZero.clip(1e12)).isEqualTo(1e12);
		assertThat(atLeastZero.contains(0)).isTrue();
		assertThat(atLeastZero.contains(-0.001)).isFalse();
		var atMostFive = new ValueRange(null, 5.0);
		assertThat(atMostFive.clip(-1e12)).isEqualTo(-1e12);
		assertThat(atMostFive.clip(7)).isEqualTo(5);
		assertThat(atMostFive.contains(5)).isTrue();
		assertThat(ValueRange.UNBOUNDED.clip(-42)).isEqualTo(-42);
		assertThat(ValueRange.UNBOUNDED.contains(Double.MAX_VALUE)).isTrue();
	}

	@Test
	void describesItselfInWords() {
		assertThat(new ValueRange(0.0, 100.0).describe()).isEqualTo("0 to 100");
		assertThat(new ValueRange(-100.0, null).describe()).isEqualTo("at least -100");
		assertThat(new ValueRange(null, 2.5).describe()).isEqualTo("at most 2.5");
		assertThat(ValueRange.UNBOUNDED.describe()).isEqualTo("any value");
	}
}
