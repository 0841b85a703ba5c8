package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.ADMINS;
import static dev.tandem.security.AuthorizationMatrixTests.RECORDERS;
import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static dev.tandem.security.AuthorizationMatrixTests.TEAM_EDITORS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tandem.security.AuthorizationMatrixTests.Caller;
import dev.tandem.security.AuthorizationMatrixTests.Fixture;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may call the cadence's endpoints and pages: everyone signed in reads reviews and their own
 * digest; an editor of the team (or an admin) holds reviews, records decisions and sets the
 * cadence; a decision's owner may also change it (mark it done); only an admin sends digests.
 * Reviews and decisions that a request uses are written straight into the tables.
 */
final class ReviewMatrixRules {

	private ReviewMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("POST /api/teams/{key}/reviews", TEAM_EDITORS, f -> post("/api/teams/" + f.team + "/reviews")),
			new Rule("GET /api/reviews", SIGNED_IN, f -> get("/api/reviews")),
			new Rule("GET /api/reviews/{id}", SIGNED_IN, f -> get("/api/reviews/" + newReview(f))),
			new Rule("POST /api/reviews/{id}/decisions", TEAM_EDITORS, f -> json(post("/api/reviews/" + newReview(f)
					+ "/decisions"), "{\"action\":\"Matrix\",\"owner\":\"%s\",\"due\":\"%s\"}"
						.formatted(f.username(Caller.OWNER_MEMBER), MatrixRequests.today().plusDays(3)))),
			new Rule("PUT /api/decisions/{id}", RECORDERS,
					f -> json(put("/api/decisions/" + newDecision(f)), "{\"done\":true,\"version\":0}")),
			new Rule("GET /api/teams/{key}/review-cadence", SIGNED_IN, f -> get("/api/teams/" + f.team + "/review-cadence")),
			new Rule("PUT /api/teams/{key}/review-cadence", TEAM_EDITORS,
					f -> json(put("/api/teams/" + f.team + "/review-cadence"), "{\"cadence\":\"WEEKLY\"}")),
			new Rule("GET /api/me/digest", SIGNED_IN, f -> get("/api/me/digest")),
			new Rule("POST /api/digests/send", ADMINS, f -> post("/api/digests/send")),
			new Rule("GET /reviews", SIGNED_IN, f -> get("/reviews")),
			new Rule("GET /teams/{key}/reviews", SIGNED_IN, f -> get("/teams/" + f.team + "/reviews")),
			new Rule("POST /teams/{key}/review-cadence", TEAM_EDITORS,
					f -> post("/teams/" + f.team + "/review-cadence").param("cadence", "WEEKLY")),
			new Rule("POST /teams/{key}/reviews", TEAM_EDITORS, f -> post("/teams/" + f.team + "/reviews")),
			new Rule("GET /reviews/{id}", SIGNED_IN, f -> get("/reviews/" + newReview(f))),
			// an empty form: 422 for those who may decide, 403 for the others
			new Rule("POST /reviews/{id}/decisions", TEAM_EDITORS, f -> post("/reviews/" + newReview(f) + "/decisions")),
			new Rule("POST /decisions/{id}/done", RECORDERS, f -> post("/decisions/" + newDecision(f) + "/done")));

	/** A review of the fixture's team, with an empty agenda. */
	static long newReview(Fixture f) {
		f.jdbc.sql("insert into kpi_review (team_id, held_at, held_by) values (?, current_timestamp, 'matrix')")
			.param(f.organisation.team(f.team).id())
			.update();
		return f.jdbc.sql("select max(id) from kpi_review").query(Long.class).single();
	}

	/** An open decision of a new review, owned by the owner, due in a week. */
	static long newDecision(Fixture f) {
		long review = newReview(f);
		f.jdbc.sql("""
				insert into review_decision (review_id, action, owner_id, due, done, version, created_at, updated_at)
				values (?, 'Matrix decision', ?, ?, false, 0, current_timestamp, current_timestamp)""")
			.params(review, f.owner(), MatrixRequests.today().plusDays(7))
			.update();
		return f.jdbc.sql("select max(id) from review_decision").query(Long.class).single();
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}
}
