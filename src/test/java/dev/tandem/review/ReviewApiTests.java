package dev.tandem.review;

import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.loop.Proposals;

/** A KPI review of a built organisation: the agenda from the data, decisions and their rules, "what I owe". */
@TandemTest
class ReviewApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Proposals proposals;

	ApiFixtures api;

	String team;

	String owner;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
	}

	@Test
	void theAgendaIsBuiltFromTheTeamsData() {
		var red = kpi("red", 90);
		var amber = kpi("amber", 97);
		var green = kpi("green", 99.5);
		var empty = kpi("empty");
		var worsening = kpiAimingAt(50, "worse", 99, 90, 80, 70);
		// the loop proposes an objective for the red and the worsening KPI in reactions of its own
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !proposals.forKpi(red, 1).isEmpty() && !proposals.forKpi(worsening, 1).isEmpty());
		var otherTeamsRed = new ApiFixtures(mvc).thresholdKpi("DAILY", "LAST");

		var review = api.post("/api/teams/" + team + "/reviews", "").exchange();
		assertThat(review).hasStatus(HttpStatus.CREATED);
		var body = ApiFixtures.body(review);
		assertThat(keys(body, "red")).containsExactly(red);
		assertThat(keys(body, "amber")).containsExactly(amber);
		assertThat(keys(body, "stale")).containsExactly(empty);
		assertThat(keys(body, "worsening")).containsExactly(worsening);
		assertThat(keys(body, "proposals")).containsExactlyInAnyOrder(red, worsening);
		assertThat(keys(body, "alerts")).isEmpty();
		// a first review looks back one cadence period: every KPI here was created in it
		assertThat(keys(body, "changedSinceLastReview")).contains(red, amber, green, empty, worsening)
			.doesNotContain(otherTeamsRed);
		assertThat(JsonPath.<String>read(body, "$.team")).isEqualTo(team);
		assertThat(JsonPath.<List<Object>>read(body, "$.decisions")).isEmpty();

		// the second review reports only what changed since the first: green turned red
		record(green, 80);
		var second = ApiFixtures.body(api.post("/api/teams/" + team + "/reviews", "").exchange());
		assertThat(JsonPath.<List<String>>read(second, "$.agenda.changedSinceLastReview[*].kpi")).containsExactly(green);
		assertThat(JsonPath.<String>read(second, "$.agenda.changedSinceLastReview[0].note"))
			.contains("GREEN → RED");
		assertThat(keys(second, "red")).containsExactlyInAnyOrder(red, green);

		var list = ApiFixtures.body(api.get("/api/reviews?team=" + team).exchange());
		assertThat(JsonPath.<List<Integer>>read(list, "$[*].id")).hasSize(2);
		assertThat(ApiFixtures.body(api.get("/api/reviews/" + JsonPath.read(body, "$.id")).exchange()))
			.contains("\"red\"", red);
	}

	@Test
	void decisionsAreValidatedLockedAndOwed() {
		long review = ApiFixtures.id(api.post("/api/teams/" + team + "/reviews", "").exchange());
		var today = LocalDate.now(ZoneOffset.UTC);

		var past = api.post("/api/reviews/" + review + "/decisions", """
				{"action":"Call the vendor","owner":"%s","due":"%s"}""".formatted(owner, today.minusDays(1))).exchange();
		assertThat(past).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(ApiFixtures.body(past)).contains("due", "in the past");
		var nobody = api.post("/api/reviews/" + review + "/decisions", """
				{"action":"Call the vendor","owner":"nobody-%s","due":"%s"}""".formatted(unique("x"), today)).exchange();
		assertThat(nobody).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(ApiFixtures.body(nobody)).contains("owner", "username");
		assertThat(api.post("/api/reviews/" + review + "/decisions", "{\"owner\":\"" + owner + "\"}").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);

		var created = api.post("/api/reviews/" + review + "/decisions", """
				{"action":"Call the <vendor>","owner":"%s","due":"%s"}""".formatted(owner, today.plusDays(3))).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long decision = ApiFixtures.id(created);
		assertThat(JsonPath.<Boolean>read(ApiFixtures.body(created), "$.done")).isFalse();

		var owed = ownerOwes();
		assertThat(JsonPath.<List<Integer>>read(owed, "$.decisions[*].id")).containsExactly((int) decision);

		var changed = api.put("/api/decisions/" + decision, "{\"due\":\"%s\",\"version\":0}".formatted(today.plusDays(5)))
			.exchange();
		assertThat(changed).hasStatusOk();
		assertThat(JsonPath.<Integer>read(ApiFixtures.body(changed), "$.version")).isEqualTo(1);
		var stale = api.put("/api/decisions/" + decision, "{\"done\":true,\"version\":0}").exchange();
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(ApiFixtures.body(stale)).contains("reload");
		assertThat(api.put("/api/decisions/" + decision, "{\"done\":true}").exchange()).hasStatus(HttpStatus.BAD_REQUEST);

		// the owner marks it done: it leaves what they owe
		var done = mvc.put().uri("/api/decisions/" + decision).with(httpBasic(owner, "owner-password-1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"done\":true,\"version\":1}").exchange();
		assertThat(done).hasStatusOk();
		assertThat(JsonPath.<Boolean>read(ApiFixtures.body(done), "$.done")).isTrue();
		assertThat(JsonPath.<List<Object>>read(ownerOwes(), "$.decisions")).isEmpty();
		assertThat(api.put("/api/decisions/999999999", "{\"done\":true,\"version\":0}").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aTeamChoosesItsCadence() {
		var cadence = api.get("/api/teams/" + team + "/review-cadence").exchange();
		assertThat(JsonPath.<String>read(ApiFixtures.body(cadence), "$.cadence")).isEqualTo("WEEKLY");
		var changed = api.put("/api/teams/" + team + "/review-cadence", "{\"cadence\":\"BIWEEKLY\"}").exchange();
		assertThat(changed).hasStatusOk();
		ApiFixtures.id(api.post("/api/teams/" + team + "/reviews", "").exchange());
		var after = ApiFixtures.body(api.get("/api/teams/" + team + "/review-cadence").exchange());
		assertThat(JsonPath.<String>read(after, "$.cadence")).isEqualTo("BIWEEKLY");
		assertThat(JsonPath.<String>read(after, "$.nextReviewDue"))
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
		assertThat(api.put("/api/teams/" + team + "/review-cadence", "{\"cadence\":\"DAILY\"}").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theReviewPageShowsTheAgendaAndTakesDecisionsInPlace() {
		var red = kpi("red", 90, 91, 92);
		assertThat(mvc.post().uri("/teams/{key}/reviews", team).with(user(owner)).with(csrf()).exchange())
			.hasStatus3xxRedirection();
		long review = JsonPath.<Integer>read(ApiFixtures.body(api.get("/api/reviews?team=" + team).exchange()), "$[0].id");
		var page = mvc.get().uri("/reviews/{id}", review).with(user(owner)).exchange();
		assertThat(page).hasStatusOk().bodyText()
			.contains("red &lt;b&gt;", "/kpis/" + red, "data-chart=\"line\"", "Add the decision")
			.doesNotContain("red <b>");
		var refused = mvc.post().uri("/reviews/{id}/decisions", review).with(user(owner)).with(csrf())
			.header("HX-Request", "true").param("action", "Fix <it>").param("owner", owner)
			.param("due", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString()).exchange();
		assertThat(refused).hasStatus(422).bodyText().contains("in the past").doesNotContain("<html");
		var taken = mvc.post().uri("/reviews/{id}/decisions", review).with(user(owner)).with(csrf())
			.header("HX-Request", "true").param("action", "Fix <it>").param("owner", owner)
			.param("due", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()).exchange();
		assertThat(taken).hasStatusOk().bodyText().contains("Fix &lt;it&gt;", "Mark done");
		var teamPage = mvc.get().uri("/teams/{key}/reviews", team).with(user(owner)).exchange();
		assertThat(teamPage).hasStatusOk().bodyText().contains("/reviews/" + review, "1 decisions, 1 open");
		assertThat(mvc.post().uri("/teams/{key}/review-cadence", team).with(user(owner)).with(csrf())
			.param("cadence", "BIWEEKLY")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/teams/{key}/reviews", team).with(user(owner))).hasStatusOk().bodyText()
			.contains("every two weeks");
		assertThat(mvc.get().uri("/reviews").with(user(owner))).hasStatusOk().bodyText()
			.contains("/teams/" + team + "/reviews", "/reviews/" + review);
	}

	private String ownerOwes() {
		return ApiFixtures.body(mvc.get().uri("/api/me/owed").with(httpBasic(owner, "owner-password-1")).exchange());
	}

	private static List<String> keys(String review, String section) {
		return JsonPath.read(review, "$.agenda." + section + "[*].kpi");
	}

	/** A daily KPI of the team (target 99, warning 95) with these values on the days before today, oldest first. */
	private String kpi(String name, double... values) {
		return kpiAimingAt(99, name, values);
	}

	/** As {@link #kpi}, with this target and a warning 4 below it. */
	private String kpiAimingAt(double target, String name, double... values) {
		var key = unique(name);
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"%s <b>","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":%s,"warning":%s}""".formatted(key, name, team, owner, target,
						target - 4)))
			.hasStatus(HttpStatus.CREATED);
		for (int i = 0; i < values.length; i++) {
			record(key, values.length - i, values[i]);
		}
		return key;
	}

	private void record(String key, double value) {
		record(key, 0, value);
	}

	private void record(String key, int daysAgo, double value) {
		var at = LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo).atTime(LocalTime.of(0, 30)).toInstant(ZoneOffset.UTC);
		assertThat(api.post("/api/kpis/" + key + "/measurements", "[{\"at\":\"%s\",\"value\":%s}]".formatted(at, value)))
			.hasStatus2xxSuccessful();
	}
}
