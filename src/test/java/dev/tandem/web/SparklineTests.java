package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SparklineTests {

	@Test
	void spreadsThePointsAcrossTheBoxHighestOnTop() {
		var line = Sparkline.of(Arrays.asList(1.0, 3.0, 2.0));
		assertThat(line.isDrawable()).isTrue();
		assertThat(line.points()).isEqualTo("0.0,28.0 50.0,2.0 100.0,15.0");
	}

	@Test
	void drawsAFlatSeriesAcrossTheMiddleAndSkipsGaps() {
		assertThat(Sparkline.of(Arrays.asList(5.0, null, 5.0)).points()).isEqualTo("0.0,15.0 100.0,15.0");
	}

	@Test
	void needsTwoPointsToDrawALine() {
		assertThat(Sparkline.of(Arrays.asList(5.0)).isDrawable()).isFalse();
		assertThat(Sparkline.of(Arrays.asList()).points()).isEmpty();
	}
}
