package dev.tandem.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BodyRateTests {

	private static final long SECOND = 1_000_000_000L;

	private final BodyRate rate = new BodyRate(Duration.ofSeconds(20), 500);

	@Test
	void anyPaceIsFineDuringTheGrace() {
		assertThat(rate.tooSlow(0, 20 * SECOND)).isFalse();
		assertThat(rate.tooSlow(1, 5 * SECOND)).isFalse();
	}

	@Test
	void afterTheGraceTheAverageSinceItEndedMustKeepUp() {
		assertThat(rate.tooSlow(499, 21 * SECOND)).isTrue();
		assertThat(rate.tooSlow(500, 21 * SECOND)).isFalse();
		assertThat(rate.tooSlow(5_000, 30 * SECOND)).isFalse();
		assertThat(rate.tooSlow(4_999, 30 * SECOND)).isTrue();
	}

	@Test
	void aTrickleOfAByteEveryFewSecondsIsCutSoonAfterTheGrace() {
		// a byte every 3 s: 7 bytes at 21 s
		assertThat(rate.tooSlow(7, 21 * SECOND)).isTrue();
	}

	@Test
	void aLargeUploadAtAModestSpeedIsNot() {
		// 500 MB at 1 MB/s: 500 s in
		assertThat(rate.tooSlow(500_000_000L, 500 * SECOND)).isFalse();
	}

	@Test
	void nonsenseSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BodyRate(Duration.ofSeconds(-1), 500));
		assertThatIllegalArgumentException().isThrownBy(() -> new BodyRate(Duration.ofSeconds(20), 0));
	}
}
