package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.ADMINS;
import static dev.tandem.security.AuthorizationMatrixTests.EDITORS;
import static dev.tandem.security.AuthorizationMatrixTests.RECORDERS;
import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static dev.tandem.security.AuthorizationMatrixTests.TEAM_EDITORS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import dev.tandem.TestUsers;
import dev.tandem.security.AuthorizationMatrixTests.Fixture;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may use the OKR pages: everyone signed in reads them, checks in on what they own (a row
 * for anyone else's key result is ignored) and asks the coach; the team's editors write
 * objectives and key results, act on them and delete them; the owner too writes the
 * retrospective; administrators create, edit and close cycles, as the API lets only them. Most
 * forms are sent empty: a 422 for those allowed, refused before the input is read for the
 * others. Deleting and closing use up what they act on, so each request gets a fresh one.
 */
final class WebOkrMatrixRules {

	private WebOkrMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("GET /okrs", SIGNED_IN, f -> get("/okrs?cycle=" + r(f).cycle())),
			new Rule("GET /objectives/{id}", SIGNED_IN, f -> get("/objectives/" + r(f).objective())),
			new Rule("GET /objectives/new", EDITORS, f -> get("/objectives/new?cycle=" + r(f).cycle())),
			new Rule("POST /objectives/new", EDITORS, f -> post("/objectives/new")),
			new Rule("GET /objectives/{id}/edit", TEAM_EDITORS, f -> get("/objectives/" + r(f).objective() + "/edit")),
			new Rule("POST /objectives/{id}/edit", TEAM_EDITORS, f -> post("/objectives/" + r(f).objective() + "/edit")),
			new Rule("POST /objectives/coach", SIGNED_IN, f -> post("/objectives/coach").param("title", "Matrix")),
			new Rule("POST /objectives/{id}/activate", TEAM_EDITORS,
					f -> post("/objectives/" + r(f).objective() + "/activate")),
			new Rule("POST /objectives/{id}/guardrails", TEAM_EDITORS,
					f -> post("/objectives/" + r(f).objective() + "/guardrails").param("kpi", r(f).kpi())),
			new Rule("POST /objectives/{id}/retrospective", RECORDERS,
					f -> post("/objectives/" + r(f).objective() + "/retrospective").param("note", "Matrix")),
			new Rule("POST /objectives/{id}/carry-over", TEAM_EDITORS,
					f -> post("/objectives/" + r(f).objective() + "/carry-over").param("cycle", String.valueOf(r(f).nextCycle()))),
			new Rule("GET /objectives/{id}/key-results/new", TEAM_EDITORS,
					f -> get("/objectives/" + r(f).objective() + "/key-results/new")),
			new Rule("POST /objectives/{id}/key-results/new", TEAM_EDITORS,
					f -> post("/objectives/" + r(f).objective() + "/key-results/new")),
			new Rule("GET /key-results/{id}/edit", TEAM_EDITORS, f -> get("/key-results/" + r(f).keyResult() + "/edit")),
			new Rule("POST /key-results/{id}/edit", TEAM_EDITORS, f -> post("/key-results/" + r(f).keyResult() + "/edit")),
			new Rule("POST /key-results/coach", SIGNED_IN,
					f -> post("/key-results/coach").param("objective", String.valueOf(r(f).objective())).param("title", "Matrix")),
			new Rule("GET /check-in", SIGNED_IN, f -> get("/check-in")),
			new Rule("POST /check-in", SIGNED_IN, f -> post("/check-in")),
			new Rule("GET /review", SIGNED_IN, f -> get("/review?cycle=" + r(f).cycle())),
			new Rule("GET /cycles", SIGNED_IN, f -> get("/cycles")),
			new Rule("POST /cycles", ADMINS, f -> post("/cycles").param("period", "CUSTOM")
				.param("name", TestUsers.unique("matrix-cycle")).param("start", "2096-01-01").param("end", "2096-03-31")),
			new Rule("GET /cycles/{id}/edit", ADMINS, f -> get("/cycles/" + r(f).cycle() + "/edit")),
			new Rule("POST /cycles/{id}/edit", ADMINS, f -> post("/cycles/" + r(f).cycle() + "/edit")
				.param("name", r(f).cycleName()).param("start", MatrixRequests.today().minusDays(30).toString())
				.param("end", MatrixRequests.today().plusDays(60).toString())),
			new Rule("GET /cycles/{id}/close", ADMINS, f -> get("/cycles/" + r(f).cycle() + "/close")),
			new Rule("POST /cycles/{id}/close", ADMINS, f -> post("/cycles/" + r(f).newRunningCycle() + "/close")),
			new Rule("GET /objectives/{id}/delete", TEAM_EDITORS, f -> get("/objectives/" + r(f).objective() + "/delete")),
			new Rule("POST /objectives/{id}/delete", TEAM_EDITORS,
					f -> post("/objectives/" + r(f).newObjective() + "/delete")),
			new Rule("GET /key-results/{id}/delete", TEAM_EDITORS, f -> get("/key-results/" + r(f).keyResult() + "/delete")),
			new Rule("POST /key-results/{id}/delete", TEAM_EDITORS,
					f -> post("/key-results/" + r(f).newKeyResult() + "/delete")));

	private static MatrixRequests r(Fixture f) {
		return MatrixRequests.of(f);
	}
}
