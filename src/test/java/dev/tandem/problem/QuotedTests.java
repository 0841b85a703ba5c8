package dev.tandem.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuotedTests {

	@Test
	void aShortValueIsQuotedWhole() {
		assertThat(Quoted.of("Grow revenue")).isEqualTo("'Grow revenue'");
	}

	@Test
	void aLongValueIsCutAndItsLengthSaid() {
		assertThat(Quoted.of("x".repeat(100))).isEqualTo("'" + "x".repeat(60) + "…' (100 characters)");
	}

	@Test
	void aThingIsNamedByItsKeyAndItsName() {
		assertThat(Quoted.named("checkout-uptime", "Checkout uptime")).isEqualTo("'checkout-uptime' (Checkout uptime)");
		assertThat(Quoted.named("nps", null)).isEqualTo("'nps'");
		assertThat(Quoted.named("nps", "nps")).isEqualTo("'nps'");
		assertThat(Quoted.named("k", "n".repeat(70))).isEqualTo("'k' (" + "n".repeat(60) + "…)");
	}

	@Test
	void aListNamesItsFirstFiveAndCountsTheRest() {
		assertThat(Quoted.all(List.of())).isEmpty();
		assertThat(Quoted.all(List.of("A"))).isEqualTo("'A'");
		assertThat(Quoted.all(List.of("A", "B", "C"))).isEqualTo("'A', 'B' and 'C'");
		assertThat(Quoted.all(List.of("A", "B", "C", "D", "E", "F", "G")))
			.isEqualTo("'A', 'B', 'C', 'D', 'E' and 2 more");
	}
}
