package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (docs/operations.md): one JSON object a line, for
 * a log shipper. Tandem runs in a process of its own here, as in production: logging is set up
 * once per JVM, and the test JVM's is the tests' plain format.
 */
class StructuredLogsTests {

	@TempDir
	Path data;

	@Test
	void logsOneJsonObjectPerLineWhenAskedTo() throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				TandemApplication.class.getName(), "--server.port=0", "--tandem.data-dir=" + data, "--tandem.demo=false",
				"--spring.main.banner-mode=off", "--logging.structured.format.console=ecs",
				// the test classpath's logback-test.xml would win over Boot's own set-up: Boot's structured appender instead
				"--logging.config=classpath:logback-structured-test.xml")
			.redirectErrorStream(true)
			.start();
		try {
			var announced = CompletableFuture.supplyAsync(() -> firstLineWith(process, "Tandem is running at"))
				.get(120, TimeUnit.SECONDS);
			var json = JsonMapper.builder().build().readTree(announced);
			assertThat(json.path("message").asString()).startsWith("Tandem is running at http://localhost:");
			assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
			assertThat(json.path("@timestamp").asString()).isNotBlank();
		}
		finally {
			process.destroy();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static String firstLineWith(Process process, String text) {
		try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (var line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.contains(text)) {
					return line;
				}
			}
			throw new IllegalStateException("Tandem ended without saying it runs");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
