package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static dev.tandem.security.AuthorizationMatrixTests.TEAM_EDITORS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tandem.security.AuthorizationMatrixTests.Fixture;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may call the loop's endpoints and pages: everyone signed in reads; an editor of the team
 * (or an admin) decides proposals and graduations. Each decision uses up a proposal or graduation
 * of its own, written straight into the tables: how they arise is the loop's tests' business.
 */
final class LoopMatrixRules {

	private LoopMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("GET /api/loop/proposals", SIGNED_IN, f -> get("/api/loop/proposals")),
			new Rule("GET /api/loop/proposals/{id}", SIGNED_IN, f -> get("/api/loop/proposals/" + newProposal(f))),
			new Rule("POST /api/loop/proposals/{id}/accept", TEAM_EDITORS, f -> json(
					post("/api/loop/proposals/" + newProposal(f) + "/accept"), "{\"cycle\":%d}".formatted(r(f).cycle()))),
			new Rule("POST /api/loop/proposals/{id}/dismiss", TEAM_EDITORS, f -> json(
					post("/api/loop/proposals/" + newProposal(f) + "/dismiss"), "{\"reason\":\"matrix\"}")),
			new Rule("GET /api/loop/graduations", SIGNED_IN, f -> get("/api/loop/graduations")),
			new Rule("GET /api/loop/graduations/{id}", SIGNED_IN, f -> get("/api/loop/graduations/" + newGraduation(f))),
			new Rule("POST /api/loop/graduations/{id}/accept", TEAM_EDITORS,
					f -> post("/api/loop/graduations/" + newGraduation(f) + "/accept")),
			new Rule("POST /api/loop/graduations/{id}/dismiss", TEAM_EDITORS, f -> json(
					post("/api/loop/graduations/" + newGraduation(f) + "/dismiss"), "{\"reason\":\"matrix\"}")),
			new Rule("GET /api/loop/alerts", SIGNED_IN, f -> get("/api/loop/alerts")),
			new Rule("GET /api/loop/focus", SIGNED_IN, f -> get("/api/loop/focus")),
			new Rule("GET /api/coach", SIGNED_IN, f -> get("/api/coach")),
			new Rule("POST /api/coach/check", SIGNED_IN, f -> json(post("/api/coach/check"), "{\"title\":\"Matrix\"}")),
			new Rule("GET /api/me/owed", SIGNED_IN, f -> get("/api/me/owed")),
			new Rule("GET /inbox", SIGNED_IN, f -> get("/inbox")),
			new Rule("POST /inbox/proposals/{id}/accept", TEAM_EDITORS,
					f -> post("/inbox/proposals/" + newProposal(f) + "/accept")),
			new Rule("POST /inbox/proposals/{id}/dismiss", TEAM_EDITORS,
					f -> post("/inbox/proposals/" + newProposal(f) + "/dismiss").param("reason", "matrix")),
			new Rule("POST /inbox/graduations/{id}/accept", TEAM_EDITORS,
					f -> post("/inbox/graduations/" + newGraduation(f) + "/accept")),
			new Rule("POST /inbox/graduations/{id}/dismiss", TEAM_EDITORS,
					f -> post("/inbox/graduations/" + newGraduation(f) + "/dismiss").param("reason", "matrix")));

	/** An open proposal for a new KPI of the fixture's team. */
	static long newProposal(Fixture f) {
		var kpiId = kpiId(f, r(f).newKpi());
		f.jdbc.sql("""
				insert into proposal (kpi_id, open_kpi_id, reason, state, team_id, owner_id, suggested_objective,
				  situation_status, situation_value, situation_worsening, situation_distance, created_at)
				values (?, ?, 'RED', 'OPEN', ?, ?, 'Restore matrix uptime to health', 'RED', 50, 0, 5, current_timestamp)""")
			.params(kpiId, kpiId, f.organisation.team(f.team).id(), f.owner())
			.update();
		long id = f.jdbc.sql("select id from proposal where open_kpi_id = ?").param(kpiId).query(Long.class).single();
		f.jdbc.sql("""
				insert into proposal_key_result (proposal_id, position, kpi_id, title, baseline, target)
				values (?, 0, ?, 'Increase matrix uptime from 50 % to 99 %', 50, 99)""")
			.params(id, kpiId)
			.update();
		return id;
	}

	/** An open graduation of a new key result (of the fixture's active objective) into a new KPI. */
	static long newGraduation(Fixture f) {
		long keyResult = r(f).newKeyResult();
		var kpiId = kpiId(f, r(f).newKpi());
		f.jdbc.sql("""
				insert into graduation (key_result_id, objective_id, cycle_id, team_id, owner_id, kpi_id, title, decrease,
				  from_value, to_value, state, created_at)
				values (?, ?, ?, ?, ?, ?, 'Matrix key result', false, 99, 99.5, 'OPEN', current_timestamp)""")
			.params(keyResult, r(f).objective(), r(f).cycle(), f.organisation.team(f.team).id(), f.owner(), kpiId)
			.update();
		return f.jdbc.sql("select id from graduation where key_result_id = ?").param(keyResult).query(Long.class).single();
	}

	private static long kpiId(Fixture f, String key) {
		return f.jdbc.sql("select id from kpi where slug = ?").param(key).query(Long.class).single();
	}

	private static MatrixRequests r(Fixture f) {
		return MatrixRequests.of(f);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}
}
