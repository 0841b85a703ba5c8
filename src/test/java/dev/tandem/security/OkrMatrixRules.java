package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.ADMINS;
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
 * Who may call the OKR endpoints: cycles are organisation-wide and administered by admins;
 * objectives and key results are changed by their team's editors; check-ins and
 * retrospectives are also for the owner; everything is read by everyone signed in.
 */
final class OkrMatrixRules {

	private OkrMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("POST /api/cycles", ADMINS, f -> json(post("/api/cycles"), """
					{"name":"%s","start":"2095-01-01","end":"2095-03-31"}""".formatted(TestUsers.unique("matrix")))),
			new Rule("GET /api/cycles", SIGNED_IN, f -> get("/api/cycles")),
			new Rule("GET /api/cycles/{id}", SIGNED_IN, f -> get("/api/cycles/" + r(f).cycle())),
			new Rule("PUT /api/cycles/{id}", ADMINS, f -> json(put("/api/cycles/" + r(f).cycle()), """
					{"name":"%s","start":"%s","end":"%s"}""".formatted(r(f).cycleName(),
					MatrixRequests.today().minusDays(30), MatrixRequests.today().plusDays(60)))),
			new Rule("POST /api/cycles/{id}/close", ADMINS, f -> post("/api/cycles/" + r(f).newRunningCycle() + "/close")),
			new Rule("GET /api/cycles/{id}/overview", SIGNED_IN, f -> get("/api/cycles/" + r(f).cycle() + "/overview")),
			new Rule("POST /api/objectives", TEAM_EDITORS, f -> json(post("/api/objectives"), r(f).objectiveJson())),
			new Rule("GET /api/objectives", SIGNED_IN, f -> get("/api/objectives?cycle=" + r(f).cycle())),
			new Rule("GET /api/objectives/{id}", SIGNED_IN, f -> get("/api/objectives/" + r(f).objective())),
			new Rule("PUT /api/objectives/{id}", TEAM_EDITORS,
					f -> json(put("/api/objectives/" + r(f).objective()), r(f).objectiveJson())),
			new Rule("DELETE /api/objectives/{id}", TEAM_EDITORS, f -> delete("/api/objectives/" + r(f).newObjective())),
			new Rule("POST /api/objectives/{id}/activate", TEAM_EDITORS,
					f -> post("/api/objectives/" + r(f).objective() + "/activate")),
			new Rule("PUT /api/objectives/{id}/guardrails", TEAM_EDITORS,
					f -> json(put("/api/objectives/" + r(f).objective() + "/guardrails"), "[\"" + r(f).kpi() + "\"]")),
			new Rule("PUT /api/objectives/{id}/retrospective", RECORDERS,
					f -> json(put("/api/objectives/" + r(f).objective() + "/retrospective"), "{\"note\":\"We learned.\"}")),
			new Rule("POST /api/objectives/{id}/carry-over", TEAM_EDITORS,
					f -> json(post("/api/objectives/" + r(f).objective() + "/carry-over"),
							"{\"cycle\":" + r(f).nextCycle() + "}")),
			new Rule("GET /api/objectives/{id}/history", SIGNED_IN,
					f -> get("/api/objectives/" + r(f).objective() + "/history")),
			new Rule("POST /api/objectives/{id}/key-results", TEAM_EDITORS,
					f -> json(post("/api/objectives/" + r(f).objective() + "/key-results"), r(f).keyResultJson())),
			new Rule("GET /api/key-results/{id}", SIGNED_IN, f -> get("/api/key-results/" + r(f).keyResult())),
			new Rule("PUT /api/key-results/{id}", TEAM_EDITORS,
					f -> json(put("/api/key-results/" + r(f).keyResult()), r(f).keyResultJson())),
			new Rule("DELETE /api/key-results/{id}", TEAM_EDITORS, f -> delete("/api/key-results/" + r(f).newKeyResult())),
			new Rule("GET /api/key-results/{id}/history", SIGNED_IN,
					f -> get("/api/key-results/" + r(f).keyResult() + "/history")),
			new Rule("POST /api/key-results/{id}/check-ins", RECORDERS,
					f -> json(post("/api/key-results/" + r(f).keyResult() + "/check-ins"), "{\"value\":10,\"confidence\":7}")),
			new Rule("GET /api/key-results/{id}/check-ins", SIGNED_IN,
					f -> get("/api/key-results/" + r(f).keyResult() + "/check-ins")),
			new Rule("GET /api/key-results/{id}/check-in-draft", SIGNED_IN,
					f -> get("/api/key-results/" + r(f).keyResult() + "/check-in-draft")),
			new Rule("GET /api/okr/confidence-rubric", SIGNED_IN, f -> get("/api/okr/confidence-rubric")));

	private static MatrixRequests r(AuthorizationMatrixTests.Fixture f) {
		return MatrixRequests.of(f);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}
}
