package dev.tandem.security;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.admin;
import static dev.tandem.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

@TandemTest
class ApiTokenTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenIsShownOnceStoredHashedAndSignsInAsItsOwner() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var created = create(as(member), "{\"name\":\"ci script\"}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		var token = read(created, "$.token");
		long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		assertThat(token).startsWith("tdm_").hasSizeGreaterThan(40);

		var stored = jdbc.sql("select token_hash from api_token where id = :id").param("id", id).query(String.class).single();
		assertThat(stored).isEqualTo(ApiTokens.hash(token)).doesNotContain(token.substring(4));

		assertThat(mvc.get().uri("/api/me").with(bearer(token))).hasStatusOk()
			.bodyJson().extractingPath("$.username").isEqualTo(member);

		var listed = mvc.get().uri("/api/tokens").with(as(member)).exchange();
		assertThat(listed).hasStatusOk().bodyJson().extractingPath("$[0].name").isEqualTo("ci script");
		assertThat(listed).bodyJson().extractingPath("$[0].lastUsedAt").isNotNull();
		assertThat(body(listed)).doesNotContain(token).doesNotContain(stored);
	}

	@Test
	void whatATokenDoesIsRecordedAsItsOwnersDoing() {
		var token = read(create(admin(), "{\"name\":\"provisioning\"}"), "$.token");
		var key = TestUsers.unique("by-token");
		assertThat(mvc.post().uri("/api/teams").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"%s\",\"name\":\"Made by a token\"}".formatted(key))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/api/audit?type=team.created&actor=" + TestUsers.ADMIN + "&limit=1000").with(admin()))
			.hasStatusOk().bodyJson().extractingPath("$[*].subject").asArray().contains(key);
	}

	@Test
	void aRevokedTokenNoLongerSignsIn() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var created = create(as(member), "{\"name\":\"laptop\"}");
		var token = read(created, "$.token");
		var id = JsonPath.read(body(created), "$.id").toString();
		assertThat(mvc.get().uri("/api/teams").with(bearer(token))).hasStatusOk();

		var someoneElse = TestUsers.person(organisation, Role.MEMBER);
		assertThat(mvc.delete().uri("/api/tokens/" + id).with(as(someoneElse))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/tokens?person=" + member).with(as(someoneElse))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/tokens/" + id).with(as(member))).hasStatus(HttpStatus.NO_CONTENT);

		var refused = mvc.get().uri("/api/teams").with(bearer(token));
		assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("revoked");
		assertThat(mvc.delete().uri("/api/tokens/" + id).with(as(member))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anAdministratorMayRevokeAnyonesToken() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var id = JsonPath.read(body(create(as(member), "{\"name\":\"lost phone\"}")), "$.id").toString();
		assertThat(mvc.get().uri("/api/tokens?person=" + member).with(admin())).hasStatusOk()
			.bodyJson().extractingPath("$[*].id").asArray().hasSize(1);
		assertThat(mvc.delete().uri("/api/tokens/" + id).with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/audit?type=token.revoked&actor=" + TestUsers.ADMIN + "&limit=1000").with(admin()))
			.bodyJson().extractingPath("$[*].subject").asArray().contains(id);
	}

	@Test
	void aTokenStopsWorkingWhenItExpires() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		var created = create(as(member), "{\"name\":\"a month\",\"expiresAt\":\"%s\"}".formatted(expiresAt));
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.expiresAt")
			.isEqualTo(expiresAt.toString());
		var token = read(created, "$.token");
		assertThat(mvc.get().uri("/api/me").with(bearer(token))).hasStatusOk();

		// a month later
		jdbc.sql("update api_token set expires_at = :past where token_hash = :hash")
			.param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
			.param("hash", ApiTokens.hash(token))
			.update();
		assertThat(mvc.get().uri("/api/me").with(bearer(token))).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void badTokenRequestsAreRefusedWithReasons() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		assertThat(create(as(member), "{\"name\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("expiresAt");
		assertThat(create(as(member), "{\"name\":\"\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
		assertThat(mvc.get().uri("/api/me").with(bearer("tdm_not-a-real-token"))).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/me").with(bearer("something else"))).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aTokenCannotMintMoreTokens() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var token = read(create(as(member), "{\"name\":\"ci\"}"), "$.token");
		assertThat(create(bearer(token), "{\"name\":\"successor\"}")).hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult create(RequestPostProcessor who, String json) {
		return mvc.post().uri("/api/tokens").with(who).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static RequestPostProcessor bearer(String token) {
		return request -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		};
	}

	private static String read(MvcTestResult result, String path) {
		return JsonPath.read(body(result), path);
	}
}
