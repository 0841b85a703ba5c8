package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;

/**
 * The dashboard reads definitions and states in one lean statement and writes its JSON by hand:
 * both must give exactly what the full definitions and the application's mapper give.
 */
@TandemTest
class DashboardTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	KpiReader reader;

	@Autowired
	MeasurementStore store;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	Clock clock;

	@Autowired
	ZoneId zone;

	@Test
	void theLeanReadJudgesAsTheFullDefinitionsDo() {
		var api = new ApiFixtures(mvc);
		var now = Instant.now();
		for (var aggregation : List.of("LAST", "SUM", "AVERAGE")) {
			var key = api.thresholdKpi("DAILY", aggregation);
			kpis.record(List.of(new NewMeasurement(key, now.minusSeconds(86_400 * 3), 97, null),
					new NewMeasurement(key, now.minusSeconds(86_400 * 2), 99.5, "a note"),
					new NewMeasurement(key, now.minusSeconds(86_400), 90, null)), i -> "[" + i + "]", Source.API);
		}
		api.thresholdKpi("WEEKLY", "MAX");

		var lean = kpis.health(Optional.empty());

		var states = store.states();
		var at = clock.instant();
		var full = reader.all(null).stream()
			.map(kpi -> HealthRules.evaluate(kpi, states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())), at, zone))
			.toList();
		assertThat(lean).isEqualTo(full);
	}

	@Test
	void theHealthOfSomeKpisIsTheirDashboardHealthAndNoOthers() {
		var api = new ApiFixtures(mvc);
		var now = Instant.now();
		var red = api.thresholdKpi("DAILY", "LAST");
		var green = api.thresholdKpi("DAILY", "LAST");
		var untouched = api.thresholdKpi("WEEKLY", "MAX");
		kpis.record(List.of(new NewMeasurement(red, now.minusSeconds(3_600), 10, null),
				new NewMeasurement(green, now.minusSeconds(3_600), 99.9, null)), i -> "[" + i + "]", Source.API);

		var some = kpis.health(List.of(red, green, "no-such-kpi"));

		assertThat(some).containsOnlyKeys(red, green).doesNotContainKey(untouched);
		var dashboard = kpis.health(Optional.empty());
		for (var key : List.of(red, green)) {
			assertThat(some.get(key)).isEqualTo(dashboard.stream().filter(h -> h.kpi().equals(key)).findFirst().orElseThrow());
		}
		assertThat(some.get(red).status()).isNotEqualTo(some.get(green).status());
		assertThat(kpis.health(List.of())).isEmpty();
	}

	@Test
	void theJsonIsTheMappers() {
		var all = List.of(
				new KpiHealth("a", HealthStatus.GREEN, 99.5, LocalDate.of(2026, 3, 1), null, null, Trend.IMPROVING, 0,
						Mode.MONITORED, null, Instant.parse("2026-03-01T10:15:30.123456Z"), null),
				new KpiHealth("b\"quoted\" ünïcode", HealthStatus.STALE, -0.1, LocalDate.of(2026, 1, 5), Position.ABOVE,
						12.345678901234567, Trend.WORSENING, 4, Mode.IMPROVING, 42L, Instant.parse("2026-03-01T10:00:00Z"),
						"No value since 2026-03-01; a daily KPI needs one at least every 2 days."),
				new KpiHealth("c", HealthStatus.NO_DATA, null, null, null, null, Trend.FLAT, 0, Mode.MONITORED, null, null,
						null),
				new KpiHealth("d", HealthStatus.RED, 1e22, LocalDate.of(2026, 3, 2), Position.WITHIN, 1.0E-7, Trend.FLAT, 1,
						Mode.MONITORED, null, Instant.parse("2026-03-02T00:00:00.5Z"), null));
		var out = new ByteArrayOutputStream();

		HealthJson.write(mapper, all, out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(all));
		assertThat(mapper.writeValueAsString(List.of())).isEqualTo(write(List.of()));
	}

	private String write(List<KpiHealth> all) {
		var out = new ByteArrayOutputStream();
		HealthJson.write(mapper, all, out);
		return out.toString(StandardCharsets.UTF_8);
	}
}
