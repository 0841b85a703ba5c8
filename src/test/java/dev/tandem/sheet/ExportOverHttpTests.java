package dev.tandem.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.ServedTest;
import dev.tandem.TestUsers;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;

/** Exports as a client over real HTTP sees them: streamed in chunks, and a problem for what cannot be served. */
@ServedTest
@AutoConfigureMockMvc
class ExportOverHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Test
	void aLongExportIsSentInChunksAsItIsWrittenWithoutALengthKnownAhead() throws Exception {
		var key = new ApiFixtures(mvc).thresholdKpi("DAILY", "AVERAGE");
		var measurements = new ArrayList<NewMeasurement>();
		var first = Instant.parse("2019-01-01T00:00:00Z");
		for (int i = 0; i < 20_000; i++) {
			measurements.add(new NewMeasurement(key, first.plus(i, ChronoUnit.MINUTES), i % 100, "note " + i));
		}
		kpis.record(measurements, i -> "[" + i + "]", Source.API);
		var response = send(request("/api/kpis/" + key + "/measurements").header("Accept", "text/csv"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Length")).as("not buffered to be measured first").isEmpty();
		assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
		var lines = response.body().split("\r\n");
		assertThat(lines).hasSize(20_001);
		assertThat(lines[20_000]).startsWith("2019-01-14T21:19:00Z,99,note 19999,");
	}

	@Test
	void anUnacceptableMediaTypeIsStillAProblem() throws Exception {
		var key = new ApiFixtures(mvc).thresholdKpi("DAILY", "AVERAGE");
		for (var path : new String[] { "/api/kpis/" + key + "/measurements", "/api/health", "/api/audit" }) {
			var response = send(request(path).header("Accept", "application/xml"));
			assertThat(response.statusCode()).as(path).isEqualTo(406);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":406");
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", TestUsers.adminBasicAuthorization());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString());
	}
}
