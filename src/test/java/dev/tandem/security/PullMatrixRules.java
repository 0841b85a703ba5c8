package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.ADMINS;
import static dev.tandem.security.AuthorizationMatrixTests.EDITORS;
import static dev.tandem.security.AuthorizationMatrixTests.RECORDERS;
import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tandem.TestUsers;
import dev.tandem.security.AuthorizationMatrixTests.Fixture;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may call the scheduled pulls' endpoints: administrators keep the connections (they reach
 * internal systems); editors may list them to choose one for their team's KPIs; whoever may
 * record a KPI's values may run its pull now; everyone signed in reads its runs.
 */
final class PullMatrixRules {

	private PullMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("POST /api/connections", ADMINS, f -> json(post("/api/connections"), connectionJson())),
			new Rule("GET /api/connections", EDITORS, f -> get("/api/connections")),
			new Rule("GET /api/connections/{id}", ADMINS, f -> get("/api/connections/" + newConnection(f))),
			new Rule("PUT /api/connections/{id}", ADMINS, f -> json(put("/api/connections/" + newConnection(f)),
					connectionJson())),
			new Rule("DELETE /api/connections/{id}", ADMINS, f -> delete("/api/connections/" + newConnection(f))),
			new Rule("POST /api/connections/{id}/test", ADMINS, f -> post("/api/connections/" + newConnection(f) + "/test")),
			new Rule("POST /api/kpis/{key}/pull", RECORDERS, f -> post("/api/kpis/" + newPullKpi(f) + "/pull")),
			new Rule("GET /api/kpis/{key}/pulls", SIGNED_IN, f -> get("/api/kpis/" + newPullKpi(f) + "/pulls")),
			new Rule("GET /admin/connections", ADMINS, f -> get("/admin/connections")),
			// an empty form: 422 for administrators, 403 for the others
			new Rule("POST /admin/connections", ADMINS, f -> post("/admin/connections")),
			new Rule("GET /admin/connections/{id}/edit", ADMINS, f -> get("/admin/connections/" + newConnection(f) + "/edit")),
			new Rule("POST /admin/connections/{id}/edit", ADMINS, f -> post("/admin/connections/" + newConnection(f) + "/edit")),
			new Rule("POST /admin/connections/{id}/test", ADMINS, f -> post("/admin/connections/" + newConnection(f) + "/test")),
			new Rule("GET /kpis/{key}/pulls", SIGNED_IN, f -> get("/kpis/" + newPullKpi(f) + "/pulls")),
			new Rule("POST /kpis/{key}/pull", RECORDERS, f -> post("/kpis/" + newPullKpi(f) + "/pull")));

	private static String connectionJson() {
		return """
				{"name":"%s","kind":"SQL","url":"jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1"}""".formatted(TestUsers.unique("matrix"),
				TestUsers.unique("matrix"));
	}

	static long newConnection(Fixture f) {
		var created = f.mvc.post().uri("/api/connections").with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON)
			.content(connectionJson()).exchange();
		assertThat(created).hasStatus(201);
		var body = new String(created.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	/** A PULL KPI of the fixture's team, owned by its owner, pulling a constant. */
	static String newPullKpi(Fixture f) {
		var key = TestUsers.unique("matrix-pull");
		var json = f.kpiJson(key).replace("\"source\":\"MANUAL\"", "\"source\":\"PULL\"").replaceFirst("}\\s*$",
				",\"pull\":{\"connection\":\"" + newConnection(f) + "\",\"query\":\"select 99.5\"}}");
		var created = f.mvc.post().uri("/api/kpis").with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON)
			.content(json).exchange();
		assertThat(created).hasStatus(201);
		return key;
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}
}
