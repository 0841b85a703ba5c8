package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.json.JsonMapper;

/** {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (docs/operations.md): one JSON object a line, for a log shipper. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

	@TempDir
	Path data;

	@Test
	void logsOneJsonObjectPerLineWhenAskedTo(CapturedOutput output) {
		try (var tandem = new SpringApplicationBuilder(TandemApplication.class).run("--server.port=0",
				"--tandem.data-dir=" + data, "--tandem.demo=false", "--spring.main.banner-mode=off",
				"--logging.structured.format.console=ecs",
				// the tests' logback-test.xml would win over Boot's own set-up: Boot's structured appender instead
				"--logging.config=classpath:logback-structured-test.xml")) {
			var announced = output.getOut().lines().filter(line -> line.contains("Tandem is running at")).findFirst();
			assertThat(announced).isPresent();
			var json = JsonMapper.builder().build().readTree(announced.get());
			assertThat(json.path("message").asString()).startsWith("Tandem is running at http://localhost:");
			assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
			assertThat(json.path("@timestamp").asString()).isNotBlank();
		}
	}
}
