package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stopping Tandem (SIGTERM, as systemd or a deploy does) while a bulk import is arriving: the
 * import that finishes within the shutdown timeout is answered and committed, the one that
 * does not is cut off and leaves no row behind — never half of one.
 */
class GracefulShutdownTests {

	static final Instant FIRST = Instant.parse("2025-01-06T00:00:00Z");

	static final int POINTS = 2_000;

	@TempDir
	Path data;

	@Test
	void aBulkImportInFlightWhenTheStopComesIsAnsweredAndCommitted() throws Exception {
		var tandem = start("30s");
		var body = new PipedOutputStream();
		var response = send(tandem, body);
		write(body, "[" + points(0, POINTS / 2) + ",");
		InFlight.arrived.await(30, TimeUnit.SECONDS);

		var stopping = CompletableFuture.runAsync(tandem::close);
		awaitRefusingNewConnections(tandem);
		write(body, points(POINTS / 2, POINTS) + "]");
		body.close();

		var answer = response.get(60, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		assertThat(answer.body()).contains("\"accepted\":" + POINTS);
		stopping.get(60, TimeUnit.SECONDS);
		assertThat(storedPoints()).isEqualTo(POINTS);
	}

	@Test
	void aBulkImportCutOffAtTheShutdownTimeoutLeavesNothingBehind() throws Exception {
		var tandem = start("2s");
		var body = new PipedOutputStream();
		var response = send(tandem, body);
		write(body, "[" + points(0, POINTS / 2) + ",");
		InFlight.arrived.await(30, TimeUnit.SECONDS);

		// the rest never comes: the stop waits its two seconds, then closes the connection
		tandem.close();
		assertThat(response.isDone() && !response.isCompletedExceptionally()).as("an answer to a cut-off import")
			.isFalse();
		body.close();
		assertThat(storedPoints()).isZero();
	}

	/** A Tandem on a database file of the test's own, with the KPI the imports go to. */
	private ConfigurableApplicationContext start(String shutdownTimeout) throws Exception {
		InFlight.arrived = new CountDownLatch(1);
		var tandem = new SpringApplicationBuilder(TandemApplication.class, InFlight.class).run("--server.port=0",
				"--tandem.data-dir=" + data, "--tandem.demo=false", "--tandem.admin.user=" + TestUsers.ADMIN,
				"--tandem.admin.password=" + TestUsers.ADMIN_PASSWORD, "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--spring.lifecycle.timeout-per-shutdown-phase=" + shutdownTimeout);
		assertThat(post(tandem, "/api/teams", "{\"key\":\"support\",\"name\":\"Support\"}").statusCode()).isEqualTo(201);
		var kpi = post(tandem, "/api/kpis", """
				{"key":"csat","name":"CSAT","team":"support","owner":"%s","unit":"SCORE","source":"API",
				 "frequency":"WEEKLY","aggregation":"AVERAGE","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":4.5,"warning":4.2}""".formatted(TestUsers.ADMIN));
		assertThat(kpi.statusCode()).as(kpi.body()).isEqualTo(201);
		return tandem;
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext tandem, String path, String json)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(tandem) + path))
			.header("Authorization", TestUsers.adminBasicAuthorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static CompletableFuture<HttpResponse<String>> send(ConfigurableApplicationContext tandem,
			PipedOutputStream body) throws IOException {
		var source = new PipedInputStream(body, 1 << 20);
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(tandem) + "/api/measurements"))
			.header("Authorization", TestUsers.adminBasicAuthorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> source))
			.build();
		return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Once shutdown has begun, Tomcat takes no new connection; the one in flight goes on. */
	private static void awaitRefusingNewConnections(ConfigurableApplicationContext tandem) {
		var port = port(tandem);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			try (var socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 1000);
				return false;
			}
			catch (ConnectException refused) {
				return true;
			}
		});
	}

	private static int port(ConfigurableApplicationContext tandem) {
		return Integer.parseInt(tandem.getEnvironment().getProperty("local.server.port"));
	}

	private static String points(int from, int to) {
		var json = new StringBuilder();
		for (int i = from; i < to; i++) {
			json.append(i == from ? "" : ",")
				.append("{\"kpi\":\"csat\",\"at\":\"")
				.append(FIRST.plusSeconds(60L * i))
				.append("\",\"value\":4.5}");
		}
		return json.toString();
	}

	private static void write(OutputStream body, String text) throws IOException {
		body.write(text.getBytes(StandardCharsets.UTF_8));
		body.flush();
	}

	/** Counted in the stopped Tandem's database file, opened afresh. */
	private long storedPoints() throws Exception {
		var url = "jdbc:h2:file:" + data.resolve("tandem") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		try (var connection = DriverManager.getConnection(url, "tandem", "tandem");
				var statement = connection.prepareStatement("select count(*) from measurement m join kpi k on k.id = "
						+ "m.kpi_id where k.slug = 'csat' and m.measured_at >= ? and m.measured_at < ?")) {
			statement.setObject(1, java.time.OffsetDateTime.ofInstant(FIRST, java.time.ZoneOffset.UTC));
			statement.setObject(2, java.time.OffsetDateTime.ofInstant(FIRST.plusSeconds(60L * POINTS),
					java.time.ZoneOffset.UTC));
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	/** Tells the test when its import has reached the application (headers in, body still arriving). */
	@Configuration(proxyBeanMethods = false)
	static class InFlight {

		static volatile CountDownLatch arrived = new CountDownLatch(1);

		@Bean
		FilterRegistrationBean<Filter> inFlight() {
			var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> {
				arrived.countDown();
				chain.doFilter(request, response);
			});
			registration.addUrlPatterns("/api/measurements");
			return registration;
		}
	}
}
