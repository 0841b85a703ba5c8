package dev.tandem.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.TestUsers;

/** How the benchmarks sign in: the test admin over HTTP Basic, or an API token created with it. */
final class BenchmarkCredentials {

	private BenchmarkCredentials() {
	}

	static String basic() {
		return TestUsers.adminBasicAuthorization();
	}

	/** A bearer token for the admin: Basic spends much of each request checking the password hash. */
	static String bearer(HttpClient http, int port) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
			.header("Authorization", basic())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return "Bearer " + JsonPath.read(response.body(), "$.token");
	}
}
