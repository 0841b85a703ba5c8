package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Behind nginx (docs/operations.md): the proxy's X-Forwarded-* headers make Tandem's own links the public ones. */
class ForwardedHeadersTests {

	@TempDir
	Path data;

	@Test
	void redirectsToThePublicHttpsAddressThatTheProxyNames() throws Exception {
		try (var tandem = new SpringApplicationBuilder(TandemApplication.class).run("--server.port=0",
				"--tandem.data-dir=" + data, "--tandem.demo=false", "--spring.main.banner-mode=off",
				"--logging.level.root=warn")) {
			var port = tandem.getEnvironment().getProperty("local.server.port");
			var client = HttpClient.newHttpClient();
			var direct = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kpis")).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(direct.statusCode()).isEqualTo(302);
			assertThat(direct.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/login");

			var proxied = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kpis"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "okr.example.com")
				.header("X-Forwarded-For", "203.0.113.7")
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(proxied.statusCode()).isEqualTo(302);
			assertThat(proxied.headers().firstValue("Location")).hasValue("https://okr.example.com/login");
		}
	}
}
