package dev.tandem.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ServedTest;
import dev.tandem.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors the way a script meets them, over real HTTP through Tomcat's error dispatch, which
 * MockMvc never takes: whatever goes wrong, and wherever (a filter, the dispatcher before any
 * controller, the controller), the body is an RFC 9457 problem detail. It shares the browser
 * tests' application context.
 */
@ServedTest
class ApiErrorsOverHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void anUnknownApiPathIsAProblem() throws Exception {
		var response = send(request("/api/no-such-thing").GET());
		assertProblem(response, 404);
	}

	@Test
	void aMethodNotAllowedIsAProblemThatSaysWhichMethodsAre() throws Exception {
		var response = send(request("/api/health").DELETE());
		assertProblem(response, 405);
		assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
	}

	@Test
	void anUnacceptableMediaTypeIsAProblem() throws Exception {
		var response = send(request("/api/health").header("Accept", "application/xml").GET());
		assertProblem(response, 406);
	}

	@Test
	void anUnsupportedContentTypeIsAProblem() throws Exception {
		var response = send(request("/api/measurements").header("Content-Type", "application/xml")
			.POST(BodyPublishers.ofString("<measurement/>")));
		assertProblem(response, 415);
	}

	@Test
	void aHugeUnknownKeyIsQuotedOnlyByItsStart() throws Exception {
		var key = "k".repeat(10 * 1024 * 1024);
		var response = send(request("/api/measurements").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("[{\"kpi\":\"" + key + "\",\"at\":\"2026-11-01T00:00:00Z\",\"value\":1}]")));
		var problem = assertProblem(response, 400);
		assertThat(response.body().length()).isLessThan(2_000);
		assertThat(problem.get("detail").asString()).contains("kkkk").contains("…");
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		var problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.has("timestamp")).as("Spring Boot's default error body: %s", response.body()).isFalse();
		return problem;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", TestUsers.adminBasicAuthorization());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString());
	}
}
