package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's {@code prometheus}) scrapes Tandem the way the README tells an
 * operator to — {@code /actuator/prometheus} with an API token from a credentials file — and
 * then answers queries for Tandem's own series and the standard ones. Skipped with a message
 * when Prometheus is not installed; on CI ({@code CI=true}) that is a failure, and {@code .ci/run}
 * installs it.
 */
@ServedTest
class PrometheusScrapeTests {

	static final Path PROMETHEUS = Path.of(System.getProperty("tandem.prometheus", "/usr/bin/prometheus"));

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	Process prometheus;

	int prometheusPort;

	@BeforeEach
	void startPrometheus() throws Exception {
		if (!Files.isExecutable(PROMETHEUS)) {
			var message = "This test needs Prometheus at " + PROMETHEUS + " (apt-get install -y prometheus).";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " On CI it must be there: .ci/run installs it.");
			}
			Assumptions.abort(message + " Skipping.");
		}
		var token = json.readTree(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
			.header("Authorization", TestUsers.adminBasicAuthorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"prometheus\"}"))
			.build())).path("token").asString();
		assertThat(token).isNotBlank();
		Files.writeString(dir.resolve("tandem-token"), token);
		Files.writeString(dir.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				scrape_configs:
				  - job_name: tandem
				    metrics_path: /actuator/prometheus
				    authorization:
				      credentials_file: %s
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(dir.resolve("tandem-token"), port));
		try (var socket = new ServerSocket(0)) {
			prometheusPort = socket.getLocalPort();
		}
		prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
	}

	@AfterEach
	void stopPrometheus() throws Exception {
		if (prometheus != null) {
			prometheus.destroy();
			if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				prometheus.destroyForcibly();
			}
		}
	}

	@Test
	void prometheusScrapesTandemWithATokenAndFindsItsSeries() throws Exception {
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			var target = prometheus("/api/v1/targets").path("data").path("activeTargets").path(0);
			assertThat(target.path("health").asString()).as("the target's last error: %s (log: %s)",
					target.path("lastError").asString(), log()).isEqualTo("up");
		});
		for (var series : new String[] { "tandem_proposals_open", "tandem_graduations_open", "tandem_events_failed",
				"jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests_seconds_count" }) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(query(series + "{application=\"tandem\"}"))
				.as(series).isNotEmpty());
		}
	}

	private JsonNode query(String promql) throws Exception {
		return prometheus("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data").path("result");
	}

	private JsonNode prometheus(String path) throws Exception {
		return json.readTree(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + path)).GET().build()));
	}

	private String send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private String log() {
		try {
			return Files.readString(dir.resolve("prometheus.log"));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}
}
