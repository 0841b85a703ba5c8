package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The throttle's rules over time, with a clock the test moves. */
class SignInThrottleRulesTests {

	private final MovableClock clock = new MovableClock();
	private final List<Object> events = new ArrayList<>();
	private final SignInThrottle throttle = new SignInThrottle(new SignInPolicy(5, Duration.ofMinutes(15), 8), clock,
			events::add);

	@Test
	void fiveFailuresWithinTheWindowLockTheUsernameForTheWindow() {
		fail("ann", "10.0.0.1", 4);
		assertThatNoException().isThrownBy(() -> throttle.check("ann", "10.0.0.1"));
		fail("ann", "10.0.0.1", 1);
		assertThatThrownBy(() -> throttle.check("ann", "10.0.0.9")).isInstanceOf(SignInLockedException.class)
			.hasMessageContaining("15 minutes");
		assertThatThrownBy(() -> throttle.check("ANN ", null)).as("names are compared as people type them")
			.isInstanceOf(SignInLockedException.class);
		assertThat(events).hasSize(1);

		clock.move(Duration.ofMinutes(14));
		assertThatThrownBy(() -> throttle.check("ann", null)).isInstanceOf(SignInLockedException.class)
			.hasMessageContaining("1 minute");
		clock.move(Duration.ofMinutes(1));
		assertThatNoException().isThrownBy(() -> throttle.check("ann", null));
	}

	@Test
	void failuresOlderThanTheWindowAreForgotten() {
		fail("bob", null, 4);
		clock.move(Duration.ofMinutes(16));
		fail("bob", null, 4);
		assertThatNoException().isThrownBy(() -> throttle.check("bob", null));
	}

	@Test
	void successForgetsFailures() {
		fail("cy", null, 4);
		throttle.succeeded("cy");
		fail("cy", null, 4);
		assertThatNoException().isThrownBy(() -> throttle.check("cy", null));
	}

	@Test
	void sprayingOneAddressAcrossUsernamesLocksTheAddress() {
		for (int i = 0; i < 8; i++) {
			fail("user" + i, "192.0.2.7", 1);
		}
		assertThatThrownBy(() -> throttle.check("someone-new", "192.0.2.7")).isInstanceOf(SignInLockedException.class)
			.hasMessageContaining("your address");
		assertThatNoException().isThrownBy(() -> throttle.check("someone-new", "192.0.2.8"));
	}

	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(username, address);
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-01T09:00:00Z");

		void move(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
