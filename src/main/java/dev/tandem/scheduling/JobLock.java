package dev.tandem.scheduling;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A lease on a named job, held in the database until it expires or is released. */
@Component
public class JobLock {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	JobLock(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs the job if no other instance holds its lock; the lease outlives a crashed holder by at most {@code lease}. */
	public boolean runExclusively(String job, Duration lease, Runnable work) {
		if (!acquire(job, lease)) {
			return false;
		}
		try {
			work.run();
		}
		finally {
			jdbc.sql("update job_lock set locked_until = ? where name = ? and locked_by = ?")
				.params(clock.instant().atOffset(ZoneOffset.UTC), job, instance)
				.update();
		}
		return true;
	}

	private boolean acquire(String job, Duration lease) {
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		var until = now.plus(lease);
		int taken = jdbc.sql("update job_lock set locked_until = ?, locked_by = ? where name = ? and locked_until <= ?")
			.params(until, instance, job, now)
			.update();
		if (taken == 1) {
			return true;
		}
		try {
			return jdbc.sql("insert into job_lock (name, locked_until, locked_by) values (?, ?, ?)")
				.params(job, until, instance)
				.update() == 1;
		}
		catch (DuplicateKeyException held) {
			return false;
		}
	}
}
