package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.RECORDERS;
import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static dev.tandem.security.AuthorizationMatrixTests.TEAM_EDITORS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tandem.TestUsers;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may call the KPI, ingestion and home-page endpoints (they were not in the matrix yet):
 * definitions are changed by the team's editors, measurements are also recorded by the KPI's
 * owner, and everything is read by everyone signed in.
 */
final class KpiMatrixRules {

	private KpiMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("GET /", SIGNED_IN, f -> get("/")),
			new Rule("GET /dashboard/teams/{key}", SIGNED_IN, f -> get("/dashboard/teams/" + f.team)),
			new Rule("POST /api/kpis", TEAM_EDITORS,
					f -> json(post("/api/kpis"), r(f).kpiJson(TestUsers.unique("matrix-kpi")))),
			new Rule("GET /api/kpis", SIGNED_IN, f -> get("/api/kpis")),
			new Rule("GET /api/kpis/{key}", SIGNED_IN, f -> get("/api/kpis/" + r(f).kpi())),
			new Rule("PUT /api/kpis/{key}", TEAM_EDITORS, f -> json(put("/api/kpis/" + r(f).kpi()), r(f).kpiJson(r(f).kpi()))),
			new Rule("DELETE /api/kpis/{key}", TEAM_EDITORS, f -> delete("/api/kpis/" + r(f).newKpi())),
			new Rule("GET /api/kpis/{key}/history", SIGNED_IN, f -> get("/api/kpis/" + r(f).kpi() + "/history")),
			new Rule("GET /api/kpis/{key}/health", SIGNED_IN, f -> get("/api/kpis/" + r(f).kpi() + "/health")),
			new Rule("GET /api/kpis/{key}/periods", SIGNED_IN, f -> get("/api/kpis/" + r(f).kpi() + "/periods")),
			new Rule("GET /api/kpis/{key}/measurements", SIGNED_IN, f -> get("/api/kpis/" + r(f).kpi() + "/measurements")),
			new Rule("GET /api/health", SIGNED_IN, f -> get("/api/health")),
			new Rule("POST /api/kpis/{key}/measurements", RECORDERS, f -> json(post("/api/kpis/" + r(f).kpi() + "/measurements"),
					"{\"at\":\"2026-01-01T00:00:00Z\",\"value\":97}")),
			new Rule("POST /api/measurements", RECORDERS, f -> json(post("/api/measurements"),
					"[{\"kpi\":\"%s\",\"at\":\"2026-01-02T00:00:00Z\",\"value\":98}]".formatted(r(f).kpi()))),
			new Rule("POST /api/kpis/{key}/measurements/import", RECORDERS,
					f -> post("/api/kpis/" + r(f).kpi() + "/measurements/import").contentType("text/csv")
						.content("at,value\n2026-01-03T00:00:00Z,96\n")));

	private static MatrixRequests r(AuthorizationMatrixTests.Fixture f) {
		return MatrixRequests.of(f);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}
}
