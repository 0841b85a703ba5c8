package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;

/**
 * A measurement always belongs to an existing KPI and goes with it: on H2 by a foreign key, on
 * PostgreSQL by a check per statement (see V5), which must refuse and cascade the same way.
 */
@TandemTest
class MeasurementIntegrityTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMeasurementOfNoKpiIsRefused() {
		assertThatThrownBy(() -> jdbc.sql("""
				insert into measurement (kpi_id, measured_at, num_value, source, recorded_by, recorded_at)
				values (?, ?, 1, 'API', 'test', ?)""")
			.params(-42L, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void deletingAKpiDeletesItsMeasurements() {
		var key = new ApiFixtures(mvc).thresholdKpi("DAILY", "LAST");
		long id = jdbc.sql("select id from kpi where slug = ?").param(key).query(Long.class).single();
		kpis.record(List.of(new NewMeasurement(key, Instant.now().minusSeconds(3_600), 99.5, null),
				new NewMeasurement(key, Instant.now().minusSeconds(60), 99.7, null)), i -> "[" + i + "]", Source.API);
		assertThat(count(id)).isEqualTo(2);

		kpis.delete(key);

		assertThat(count(id)).isZero();
	}

	private long count(long kpiId) {
		return jdbc.sql("select count(*) from measurement where kpi_id = ?").param(kpiId).query(Long.class).single();
	}
}
