package dev.tandem.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;

/**
 * The loop's reactions heal after the database was away. The outage is simulated under the
 * connection pool: every connection asked for by a thread other than the test's is refused
 * while it lasts, so the write under test commits and the reaction to it, on the async
 * executor, finds the database gone — as does Modulith's attempt to record that it failed.
 */
@TandemTest
@Import(EventResubmissionTests.Outage.class)
@TestPropertySource(properties = { "tandem.events.stale-after=1ms", "tandem.events.max-attempts=3",
		"tandem.events.keep-completed=1ms",
		// the job is run by the test, not also by the clock
		"tandem.jobs.event-resubmission.cron=-" })
class EventResubmissionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventResubmissionJob job;

	@Autowired
	OutageDataSource database;

	@Autowired
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Autowired
	MeterRegistry meters;

	ApiFixtures api;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
	}

	@AfterEach
	void databaseBack() {
		database.up();
	}

	@Test
	void aReactionThatFoundTheDatabaseGoneRunsOnceTheDatabaseIsBack() {
		var kpi = redKpiRecordedDuringAnOutage();
		assertThat(incomplete(kpi)).as("the reactions to the red value, left unfinished by the outage").isNotEmpty();
		assertThat(openProposals(kpi)).isZero();

		database.up();
		job.run();

		await().atMost(Duration.ofSeconds(20)).until(() -> openProposals(kpi) == 1);
		awaitIdle();
		assertThat(incomplete(kpi)).isEmpty();
		assertThat(jdbc.sql("select max(completion_attempts) from event_publication where serialized_event like ?")
			.param("%" + kpi + "%")
			.query(Integer.class)
			.single()).as("Modulith counts every attempt: the one the outage failed and the one after it").isEqualTo(2);

		job.run();
		awaitIdle();
		assertThat(openProposals(kpi)).as("a second round finds nothing left to do").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + kpi + "%")
			.query(Long.class)
			.single()).as("completed publications older than keep-completed are dropped").isZero();
	}

	@Test
	void aReactionThatKeepsFailingIsLeftForAnOperatorAfterItsAttempts() {
		var kpi = redKpiRecordedDuringAnOutage();
		int publications = incomplete(kpi).size();

		for (int round = 0; round < 5; round++) {
			job.run(); // the job itself reaches the database; the reactions it hands on do not
			awaitIdle();
		}

		assertThat(jdbc.sql("select completion_attempts from event_publication where serialized_event like ?")
			.param("%" + kpi + "%")
			.query(Integer.class)
			.list()).hasSize(publications).containsOnly(3);
		assertThat(meters.get("tandem.events.failed").gauge().value()).isGreaterThanOrEqualTo(publications);

		database.up();
		job.run();
		awaitIdle();
		assertThat(openProposals(kpi)).as("exhausted: no longer handed on").isZero();
	}

	/** A new KPI whose first value, red, is recorded while the database is away for every other thread. */
	private String redKpiRecordedDuringAnOutage() {
		var kpi = api.thresholdKpi("DAILY", "LAST");
		database.downForOthers();
		int refusedBefore = database.refused();
		kpis.record(List.of(new NewMeasurement(kpi, Instant.now().minus(1, ChronoUnit.HOURS), 50, null)),
				i -> "[" + i + "]", Source.API);
		await().atMost(Duration.ofSeconds(20)).until(() -> database.refused() > refusedBefore);
		awaitIdle();
		return kpi;
	}

	private void awaitIdle() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> applicationTaskExecutor.getActiveCount() == 0
					&& applicationTaskExecutor.getThreadPoolExecutor().getQueue().isEmpty());
	}

	private List<String> incomplete(String kpi) {
		return jdbc.sql("select status from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + kpi + "%")
			.query(String.class)
			.list();
	}

	private long openProposals(String kpi) {
		return jdbc.sql("select count(*) from proposal p join kpi k on k.id = p.kpi_id where k.slug = ? and p.state = 'OPEN'")
			.param(kpi)
			.query(Long.class)
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Outage {

		@Bean
		static BeanPostProcessor outageUnderEveryDataSourceUser() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource pool && !(bean instanceof OutageDataSource) && name.equals("dataSource")
							? new OutageDataSource(pool) : bean;
				}
			};
		}
	}

	/** The pool behind a switch: while "down", threads other than the one that threw it get no connection. */
	static class OutageDataSource extends DelegatingDataSource {

		private volatile Thread spared;

		private volatile boolean down;

		private final AtomicInteger refused = new AtomicInteger();

		OutageDataSource(DataSource pool) {
			super(pool);
		}

		void downForOthers() {
			spared = Thread.currentThread();
			down = true;
		}

		void up() {
			down = false;
		}

		int refused() {
			return refused.get();
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			if (down && Thread.currentThread() != spared) {
				refused.incrementAndGet();
				throw new SQLTransientConnectionException("Connection refused (a simulated outage)", "08001");
			}
			return super.getConnection();
		}
	}
}
