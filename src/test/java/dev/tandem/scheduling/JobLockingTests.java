package dev.tandem.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ReflectionUtils;

import dev.tandem.TandemTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

@TandemTest
class JobLockingTests {

	@Autowired
	JobSchedules schedules;

	@Autowired
	LockProvider locks;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyJobIsLockedAndFitsItsInterval() {
		assertThat(schedules.all()).extracting(JobSchedule::job).contains("kpi-health-sweep", "loop-sweep");
		assertThat(schedules.all()).allSatisfy(job -> assertThat(job.problem()).isEmpty());
	}

	@Test
	void aHeldLockKeepsOtherRunsOutAndOutlivesTheRunByLockAtLeastFor() {
		var once = new LockConfiguration(Instant.now(), "test-once-per-interval", Duration.ofHours(1), Duration.ofHours(1));
		var lock = locks.lock(once);
		assertThat(lock).isPresent();
		assertThat(locks.lock(once)).as("held").isEmpty();
		lock.get().unlock();
		assertThat(locks.lock(once)).as("finished, but within its interval").isEmpty();

		var free = new LockConfiguration(Instant.now(), "test-released", Duration.ofMinutes(5), Duration.ZERO);
		locks.lock(free).orElseThrow().unlock();
		assertThat(locks.lock(free)).as("released at once without lockAtLeastFor").isPresent();
	}

	@Test
	void theSweepsRunUnderTheirLock() {
		run("healthSweepJob");
		run("loopSweep");
		assertThat(jdbc.sql("select locked_at, lock_until from shedlock where name in ('kpi-health-sweep', 'loop-sweep')")
			.query((row, i) -> Duration.between(row.getTimestamp("locked_at").toInstant(),
					row.getTimestamp("lock_until").toInstant()))
			.list()).as("each kept for lockAtLeastFor after its run").hasSize(2)
			.allSatisfy(held -> assertThat(held).isGreaterThanOrEqualTo(Duration.ofMinutes(14)));
	}

	/** As the scheduler calls it: through the bean's proxy, where the lock is taken. */
	private void run(String beanName) {
		var bean = context.getBean(beanName);
		var sweep = ReflectionUtils.findMethod(AopUtils.getTargetClass(bean), "sweep");
		ReflectionUtils.makeAccessible(sweep);
		ReflectionUtils.invokeMethod(sweep, bean);
	}
}
