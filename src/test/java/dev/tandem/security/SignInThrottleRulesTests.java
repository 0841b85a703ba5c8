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

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The throttle's rules over time, with a clock the test moves, on a database of its own (H2,
 * with the throttle's migration): the tables are the throttle's whole state.
 */
class SignInThrottleRulesTests {

	private static final SignInPolicy POLICY = new SignInPolicy(5, Duration.ofMinutes(15), 8);

	private final MovableClock clock = new MovableClock();
	private final List<Object> events = new ArrayList<>();
	private final JdbcClient jdbc = database();
	private final SignInThrottle throttle = new SignInThrottle(POLICY, clock, events::add, jdbc);

	static JdbcClient database() {
		var dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/security/V47__sign_in_throttle.sql"))
			.execute(dataSource);
		return JdbcClient.create(dataSource);
	}

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

	@Test
	void failuresOnTwoInstancesCountTowardsOneLockWhichBothHonourAndOneAudits() {
		var other = new SignInThrottle(POLICY, clock, events::add, jdbc);
		fail("dee", "10.0.0.1", 3);
		for (int i = 0; i < 2; i++) {
			other.failed("dee", "10.0.0.2");
		}
		assertThatThrownBy(() -> throttle.check("dee", null)).isInstanceOf(SignInLockedException.class);
		assertThatThrownBy(() -> other.check("dee", null)).isInstanceOf(SignInLockedException.class);
		assertThat(events).as("locked once, by the instance whose failure reached the limit").hasSize(1);

		other.failed("dee", "10.0.0.2");
		assertThat(events).as("a failure while locked does not lock again").hasSize(1);
	}

	@Test
	void aLockEndsAfterTheWindowAndCountingStartsAfresh() {
		fail("eve", null, 5);
		clock.move(Duration.ofMinutes(15));
		assertThatNoException().isThrownBy(() -> throttle.check("eve", null));
		fail("eve", null, 4);
		assertThatNoException().as("the failures that locked it were used up").isThrownBy(() -> throttle.check("eve", null));
		fail("eve", null, 1);
		assertThatThrownBy(() -> throttle.check("eve", null)).isInstanceOf(SignInLockedException.class);
		assertThat(events).hasSize(2);
	}

	@Test
	void aHugeUsernameIsStoredAsADigestAndStillLocks() {
		var huge = "x".repeat(100_000);
		fail(huge, null, 5);
		assertThatThrownBy(() -> throttle.check(huge, null)).isInstanceOf(SignInLockedException.class);
		assertThatNoException().isThrownBy(() -> throttle.check("x".repeat(99_999), null));
		assertThat(SignInThrottle.userKey(huge)).startsWith("user:sha256:").hasSizeLessThan(100);
	}

	@Test
	void forgettingDropsOnlyWhatCanNoLongerLock() {
		fail("fay", null, 5);
		fail("gus", null, 2);
		clock.move(Duration.ofMinutes(10));
		fail("gus", null, 1);
		clock.move(Duration.ofMinutes(6));
		assertThat(throttle.forgetExpired()).as("fay's lock and gus's first two failures").isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from sign_in_failure").query(Long.class).single()).isEqualTo(1);
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
