package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.org.Organisation;

/**
 * A load balancer sends no one to a Tandem that is still starting: the server answers as soon
 * as it listens, but readiness stays DOWN (503) until the migrations and the demo load are
 * done, while liveness is already UP — and turns UP only once the demo is there.
 */
class ReadinessTests {

	@TempDir
	Path data;

	@Test
	void readinessIsDownUntilTheDemoIsLoaded() throws Exception {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var starting = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(TandemApplication.class)
			.run("--server.port=" + port, "--tandem.data-dir=" + data, "--tandem.demo=true",
					"--spring.main.banner-mode=off", "--logging.level.root=warn"));
		var client = HttpClient.newHttpClient();
		try {
			// the first answer the server gives, while the demo is still loading
			var first = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
				.until(() -> get(client, port, "/actuator/health/readiness"), response -> response != null);
			assertThat(starting).as("still starting when the server first answered").isNotDone();
			assertThat(first.statusCode()).isEqualTo(503);
			assertThat(first.body()).contains("\"OUT_OF_SERVICE\"");
			// alive once the context is refreshed, which can be a moment after the server first answers;
			// the demo then loads with the process alive but not ready
			Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
				.until(() -> get(client, port, "/actuator/health/liveness"), response -> response != null && response.statusCode() == 200);
			var meanwhile = get(client, port, "/actuator/health/readiness");
			if (!starting.isDone()) {
				assertThat(meanwhile.statusCode()).as("not ready while the demo loads").isEqualTo(503);
			}

			var tandem = starting.get(120, TimeUnit.SECONDS);
			assertThat(tandem.getBean(Organisation.class).teams()).isNotEmpty();
			var ready = get(client, port, "/actuator/health/readiness");
			assertThat(ready.statusCode()).isEqualTo(200);
			assertThat(ready.body()).contains("\"UP\"");
		}
		finally {
			starting.thenAccept(ConfigurableApplicationContext::close).get(120, TimeUnit.SECONDS);
		}
	}

	/** The response, or null while nothing listens on the port yet. */
	private static HttpResponse<String> get(HttpClient client, int port, String path) throws InterruptedException {
		try {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException notListeningYet) {
			return null;
		}
	}
}
