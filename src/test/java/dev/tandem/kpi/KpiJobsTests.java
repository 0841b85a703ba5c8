package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;

@TandemTest
@RecordApplicationEvents
class KpiJobsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	HealthSweep sweep;

	@Autowired
	PeriodZoneGuard zoneGuard;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void sweepAnnouncesKpisThatWentStaleWithTime() {
		var key = new ApiFixtures(mvc).thresholdKpi("DAILY", "LAST");
		var fiveDaysAgo = Instant.now().minus(5, ChronoUnit.DAYS);
		kpis.record(List.of(new NewMeasurement(key, fiveDaysAgo, 99.5, null)), i -> "[" + i + "]", Source.API);
		// as it was judged five days ago, when the value was fresh
		jdbc.sql("update kpi_state set status = 'GREEN' where kpi_id = (select id from kpi where slug = ?)").param(key).update();
		events.clear();

		assertThat(sweep.run()).isPositive();
		assertThat(events.stream(KpiHealthChanged.class).filter(e -> e.kpi().equals(key)))
			.singleElement()
			.satisfies(e -> assertThat(e.from()).isEqualTo(HealthStatus.GREEN))
			.satisfies(e -> assertThat(e.to()).isEqualTo(HealthStatus.STALE));
		assertThat(jdbc.sql("select status from kpi_state where kpi_id = (select id from kpi where slug = ?)").param(key)
			.query(String.class).single()).isEqualTo("STALE");
		events.clear();
		sweep.run();
		assertThat(events.stream(KpiHealthChanged.class).filter(e -> e.kpi().equals(key))).isEmpty();
	}

	@Test
	void aChangedTimeZoneRebuildsThePeriods() throws Exception {
		var key = new ApiFixtures(mvc).thresholdKpi("DAILY", "SUM");
		var day = LocalDate.now().minusDays(10);
		kpis.record(List.of(new NewMeasurement(key, Instant.parse(day + "T23:30:00Z"), 1, null),
				new NewMeasurement(key, Instant.parse(day + "T10:00:00Z"), 2, null)), i -> "[" + i + "]", Source.API);
		// pretend the periods were cut in another zone, where 23:30 UTC was already the next day
		jdbc.sql("update tandem_setting set setting = 'Pacific/Auckland' where name = 'period_zone'").update();
		jdbc.sql("update kpi_period set total = 99 where kpi_id = (select id from kpi where slug = ?)").param(key).update();

		zoneGuard.run(null);

		assertThat(kpis.periods(key, day, day)).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(3.0));
		assertThat(jdbc.sql("select setting from tandem_setting where name = 'period_zone'").query(String.class).single())
			.isEqualTo("UTC");
	}
}
