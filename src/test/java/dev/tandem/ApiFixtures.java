package dev.tandem;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Creates what API tests need through the API itself, with keys of their own. */
public final class ApiFixtures {

	private final MockMvcTester mvc;

	public ApiFixtures(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	/** A team with an owner in it; returns {teamKey, username}. */
	public String[] teamWithOwner() {
		var team = TestUsers.unique("team");
		var owner = TestUsers.unique("owner");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"Team %s\"}".formatted(team, team)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/people", """
				{"username":"%s","displayName":"Owner","role":"EDITOR","teams":["%s"],"password":"owner-password-1"}"""
			.formatted(owner, team))).hasStatus(HttpStatus.CREATED);
		return new String[] { team, owner };
	}

	/** A higher-is-better THRESHOLD KPI (target 99, warning 95) in a new team. */
	public String thresholdKpi(String frequency, String aggregation) {
		var teamAndOwner = teamWithOwner();
		var key = TestUsers.unique("kpi");
		assertThat(post("/api/kpis", """
				{"key":"%s","name":"Uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"%s","aggregation":"%s","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":95,"formula":"up minutes / all minutes"}"""
			.formatted(key, teamAndOwner[0], teamAndOwner[1], frequency, aggregation))).hasStatus(HttpStatus.CREATED);
		return key;
	}

	/** A new cycle from 30 days ago to 60 days ahead (UTC dates), so that today is inside it; returns its id. */
	public long cycleAroundToday() {
		var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		return id(post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(TestUsers.unique("cycle"), today.minusDays(30),
				today.plusDays(60))).exchange());
	}

	/** The id of what a 200 or 201 answer created or returned. */
	public static long id(MvcTestResult result) {
		assertThat(result.getResponse().getStatus()).as(body(result)).isBetween(200, 201);
		return ((Number) com.jayway.jsonpath.JsonPath.read(body(result), "$.id")).longValue();
	}

	public MockMvcTester.MockMvcRequestBuilder post(String uri, String json) {
		return mvc.post().uri(uri).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	public MockMvcTester.MockMvcRequestBuilder put(String uri, String json) {
		return mvc.put().uri(uri).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	public MockMvcTester.MockMvcRequestBuilder get(String uri) {
		return mvc.get().uri(uri).with(admin());
	}

	/** A response's body as text (UTF-8, whatever the response declared). */
	public static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}
}
