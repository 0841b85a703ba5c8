package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.ADMINS;
import static dev.tandem.security.AuthorizationMatrixTests.EVERYONE;
import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static dev.tandem.security.AuthorizationMatrixTests.TEAM_EDITORS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tandem.security.AuthorizationMatrixTests.Fixture;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may call the notification endpoints and pages: each person their own preferences; an
 * editor of the team (or an admin) the team's channels; anyone with the link the unsubscribe
 * page (the signed token is the credential: a wrong one changes nothing); admins the deliveries.
 */
final class NotifyMatrixRules {

	private NotifyMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("GET /api/me/notifications", SIGNED_IN, f -> get("/api/me/notifications")),
			new Rule("PUT /api/me/notifications", SIGNED_IN, f -> json(put("/api/me/notifications"),
					"{\"digest\":\"WEEKLY\",\"email\":true,\"events\":[\"KPI_RED\"]}")),
			new Rule("POST /api/channels", TEAM_EDITORS, f -> json(post("/api/channels"),
					"{\"team\":\"%s\",\"kind\":\"SLACK\",\"url\":\"https://203.0.113.10/matrix\",\"events\":[\"CYCLE_CLOSED\"]}"
						.formatted(f.team))),
			new Rule("GET /api/channels", SIGNED_IN, f -> get("/api/channels")),
			new Rule("DELETE /api/channels/{id}", TEAM_EDITORS, f -> delete("/api/channels/" + newChannel(f))),
			new Rule("GET /api/channels/{id}/deliveries", TEAM_EDITORS,
					f -> get("/api/channels/" + newChannel(f) + "/deliveries")),
			new Rule("GET /settings/notifications", SIGNED_IN, f -> get("/settings/notifications")),
			new Rule("POST /settings/notifications", SIGNED_IN,
					f -> post("/settings/notifications").param("digest", "WEEKLY").param("email", "true")),
			new Rule("GET /unsubscribe/{token}", EVERYONE, f -> get("/unsubscribe/bm9ib2R5.00")),
			new Rule("POST /unsubscribe/{token}", EVERYONE, f -> post("/unsubscribe/bm9ib2R5.00")),
			new Rule("GET /admin/deliveries", ADMINS, f -> get("/admin/deliveries")));

	/** A Slack channel of the fixture's team, written straight into the table. */
	static long newChannel(Fixture f) {
		var keys = new GeneratedKeyHolder();
		f.jdbc.sql("""
				insert into notify_channel (team_id, kind, url, events, created_at, created_by)
				values (?, 'SLACK', 'https://203.0.113.10/matrix', 'CYCLE_CLOSED', current_timestamp, 'matrix')""")
			.params(f.organisation.team(f.team).id())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}
}
