package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.TandemTest;

@TandemTest
class PullJobTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PullRuns pulls;

	@Autowired
	PullJob job;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ZoneId zone;

	@Test
	void theJobRunsADuePullOnceAndThenAtItsScheduleInTheOrganisationsZone() {
		var fixtures = new PullFixtures(mvc);
		var db = PullFixtures.customerDatabase();
		var connection = fixtures.sqlConnection(db);
		var key = fixtures.pullKpi("""
				{"connection":"%s","query":"select 99.5 as value","schedule":"0 0 6 * * *"}""".formatted(connection[1]));
		var now = Instant.now();

		pulls.runDue(now);
		assertThat(runs(key)).isEqualTo(1);
		var next = nextRun(key);
		assertThat(next).isEqualTo(CronExpression.parse("0 0 6 * * *").next(now.atZone(zone)).toInstant());

		pulls.runDue(now);
		pulls.runDue(next.minusSeconds(1));
		assertThat(runs(key)).isEqualTo(1);

		pulls.runDue(next);
		assertThat(runs(key)).isEqualTo(2);
		assertThat(nextRun(key)).isAfter(next);
	}

	@Test
	void aPullWithoutScheduleRunsOncePerPeriodOfItsFrequency() {
		var fixtures = new PullFixtures(mvc);
		var connection = fixtures.sqlConnection(PullFixtures.customerDatabase());
		var key = fixtures.pullKpi("""
				{"connection":"%s","query":"select 99.5 as value"}""".formatted(connection[1]));
		var now = Instant.now();
		pulls.runDue(now);
		var tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		assertThat(nextRun(key)).isEqualTo(tomorrow.plus(PullSchedule.INTO_PERIOD));
	}

	@Test
	void theJobRunsUnderItsShedLockOncePerRound() {
		// as if the last round's lock had run out (the provider remembers the row, so it stays)
		jdbc.sql("update shedlock set lock_until = locked_at where name = 'pulls'").update();
		double before = jobRuns();
		job.run();
		job.run();
		assertThat(jobRuns() - before).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from shedlock where name = 'pulls' and lock_until > locked_at")
			.query(Long.class).single()).isOne();
	}

	private double jobRuns() {
		return meters.find("tandem.jobs.run").tag("job", "pulls").timers().stream().mapToDouble(t -> t.count()).sum();
	}

	private long runs(String key) {
		return jdbc.sql("select count(*) from pull_run where kpi_id = (select id from kpi where slug = ?)").param(key)
			.query(Long.class).single();
	}

	private Instant nextRun(String key) {
		return jdbc.sql("select next_run_at from kpi_pull where kpi_id = (select id from kpi where slug = ?)").param(key)
			.query(OffsetDateTime.class).single().toInstant();
	}
}
