package dev.tandem;

import static dev.tandem.TestUsers.admin;
import static dev.tandem.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/** Actuator as an operator's tools see it: probes for anyone, metrics and info for administrators and tokens. */
@TandemTest
class OperationsEndpointsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Test
	void healthAndItsProbesAnswerAnyoneWithTheStatusOnly() {
		for (var path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			var anonymous = mvc.get().uri(path);
			assertThat(anonymous).as(path).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
			assertThat(anonymous).bodyJson().doesNotHavePath("$.components");
		}
		var details = mvc.get().uri("/actuator/health").with(admin());
		assertThat(details).hasStatusOk().bodyJson().extractingPath("$.components.db.status").isEqualTo("UP");
		assertThat(mvc.get().uri("/actuator/health/readiness").with(admin())).bodyJson()
			.extractingPath("$.components.db.status").isEqualTo("UP");
	}

	@Test
	void metricsAndInfoNeedAnAdministratorOrAToken() throws Exception {
		for (var path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/metrics" }) {
			var anonymous = mvc.get().uri(path);
			assertThat(anonymous).as(path).hasStatus(HttpStatus.UNAUTHORIZED);
			assertThat(anonymous).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(mvc.get().uri(path).with(as(TestUsers.person(organisation, Role.EDITOR)))).as(path)
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri(path).with(admin())).as(path).hasStatusOk();
		}
		var member = TestUsers.person(organisation, Role.MEMBER);
		var created = mvc.post().uri("/api/tokens").with(as(member)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"prometheus\"}").exchange();
		String token = JsonPath.read(ApiFixtures.body(created), "$.token");
		assertThat(mvc.get().uri("/actuator/prometheus").with(bearer(token))).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/prometheus").with(bearer(token + "x"))).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void infoNamesTheVersionAndTheCommit() {
		var info = mvc.get().uri("/actuator/info").with(admin());
		assertThat(info).hasStatusOk();
		if (new ClassPathResource("META-INF/build-info.properties").exists()) {
			assertThat(info).bodyJson().extractingPath("$.build.version").asString().isNotBlank();
		}
		if (new ClassPathResource("git.properties").exists()) {
			assertThat(info).bodyJson().extractingPath("$.git.commit.id").asString().matches("[0-9a-f]{7,40}");
		}
	}

	@Test
	void prometheusShowsTheStandardMetersAndTandemsOwn() {
		var fixtures = new ApiFixtures(mvc);
		var kpi = fixtures.thresholdKpi("DAILY", "LAST");
		double before = value(scrape(), "tandem_measurements_ingested_total\\{[^}]*source=\"api\"[^}]*\\}");
		// today (UTC, the organisation's zone), before now; far below the warning of 95: red, so the loop proposes
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var first = now.minusSeconds(60).isBefore(now.truncatedTo(ChronoUnit.DAYS)) ? now.truncatedTo(ChronoUnit.DAYS)
				: now.minusSeconds(60);
		assertThat(fixtures.post("/api/kpis/" + kpi + "/measurements", """
				[{"at":"%s","value":50},{"at":"%s","value":40}]""".formatted(first, first.plusSeconds(1))))
			.hasStatus(HttpStatus.CREATED);

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var metrics = scrape();
			assertThat(value(metrics, "tandem_measurements_ingested_total\\{[^}]*source=\"api\"[^}]*\\}"))
				.isEqualTo(before + 2);
			assertThat(value(metrics, "tandem_loop_reaction_latency_seconds_count\\{[^}]*\\}")).isPositive();
			assertThat(value(metrics, "tandem_proposals_open\\{[^}]*\\}")).isPositive();
		});
		var metrics = scrape();
		assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests_seconds_bucket",
				"hikaricp_connections_active", "tandem_ingest_duration_seconds_count", "tandem_graduations_open",
				"application=\"tandem\"");
	}

	/** Every series the Grafana dashboard (docs/grafana-dashboard.json) plots is one Tandem exports. */
	@Test
	void theGrafanaDashboardPlotsOnlyMetricsThatExist() throws Exception {
		// Tandem's timers appear with their first event: one write of measurements
		var fixtures = new ApiFixtures(mvc);
		var kpi = fixtures.thresholdKpi("DAILY", "LAST");
		assertThat(fixtures.post("/api/kpis/" + kpi + "/measurements", "{\"at\":\"2026-01-05T09:00:00Z\",\"value\":99.5}"))
			.hasStatus(HttpStatus.CREATED);
		var dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("docs/grafana-dashboard.json"));
		var names = new java.util.TreeSet<String>();
		var expressions = Pattern.compile("\"(?:expr|query)\": \"([^\"]*(?:\\\\.[^\"]*)*)\"").matcher(dashboard);
		while (expressions.find()) {
			var metric = Pattern.compile("([a-z_]+)\\\\?\\{").matcher(expressions.group(1));
			while (metric.find()) {
				names.add(metric.group(1));
			}
		}
		// up is Prometheus's own; a job's timer appears with its first run on this instance (JobRunsTests)
		names.removeAll(java.util.Set.of("up", "label_values", "tandem_jobs_run_seconds_count",
				"tandem_jobs_run_seconds_sum"));
		assertThat(names).hasSizeGreaterThan(10);
		var metrics = scrape();
		assertThat(names).allSatisfy(name -> assertThat(metrics).as(name).containsPattern("(?m)^" + name + "\\{"));
	}

	private String scrape() {
		var response = mvc.get().uri("/actuator/prometheus").with(admin()).exchange();
		assertThat(response).hasStatusOk();
		return ApiFixtures.body(response);
	}

	/** The value of the one sample whose name and labels match. */
	private static double value(String metrics, String sample) {
		var matcher = Pattern.compile("(?m)^" + sample + " (\\S+)$").matcher(metrics);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static RequestPostProcessor bearer(String token) {
		return request -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		};
	}
}
