package dev.tandem.security;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.SessionCookie;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

@TandemTest
@ExtendWith(OutputCaptureExtension.class)
class SignInTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Test
	void theSignInPageIsARealFormWithACsrfTokenAndTheStylesheet() {
		var page = mvc.get().uri("/login");
		assertThat(page).hasStatusOk().hasViewName("security/login");
		assertThat(page).bodyText()
			.contains("<link rel=\"stylesheet\" href=\"/css/tandem.css\">")
			.contains("<form class=\"sign-in-form\" method=\"post\" action=\"/login\">")
			.contains("name=\"_csrf\"")
			.contains("autocomplete=\"current-password\"")
			.doesNotContain("<script")
			.doesNotContain("style=");
		assertThat(page).bodyText().doesNotContain("Sign in with");
	}

	@Test
	void pagesAskForSignInAndTheApiAnswersWithAProblem() {
		assertThat(mvc.get().uri("/admin/audit")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
		var api = mvc.get().uri("/api/teams");
		assertThat(api).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(api).headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(api).bodyJson().extractingPath("$.detail").asString().contains("Bearer");
		assertThat(mvc.get().uri("/api/teams").with(httpBasic(TestUsers.ADMIN, "wrong-password-1")))
			.hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		var asset = mvc.get().uri("/css/tandem.css").exchange().getResponse();
		assertThat(asset.getStatus()).as("static assets are public").isNotIn(401, 403, 302);
	}

	@Test
	void signingInThroughTheFormStartsAFreshSession() {
		var username = TestUsers.person(organisation, Role.VIEWER);
		var session = SessionCookie.of(mvc.get().uri("/login").exchange());
		var before = session.value();
		assertThat(before).as("the sign-in page's session, which holds its CSRF token").isNotNull();

		session.keep(mvc.post().uri("/login").with(session).with(csrf())
			.param("username", username).param("password", TestUsers.PASSWORD).exchange());
		assertThat(session.value()).isNotNull();
		assertThat(session.value()).as("session fixation: the id changes on sign-in").isNotEqualTo(before);

		assertThat(mvc.get().uri("/api/me").with(session)).hasStatusOk()
			.bodyJson().extractingPath("$.username").isEqualTo(username);
		assertThat(mvc.get().uri("/login").with(session)).hasStatus(HttpStatus.FOUND)
			.redirectedUrl().isEqualTo("/");
	}

	@Test
	void aWrongPasswordSendsBackToTheFormWithAMessage() {
		var username = TestUsers.person(organisation, Role.VIEWER);
		var failed = mvc.post().uri("/login").with(csrf()).param("username", username).param("password", "not-it-at-all");
		assertThat(failed).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/login?error");
		assertThat(mvc.get().uri("/login?error")).bodyText().contains("The username or password is wrong.");
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() {
		var username = TestUsers.person(organisation, Role.VIEWER);
		assertThat(mvc.post().uri("/login").param("username", username).param("password", TestUsers.PASSWORD))
			.hasStatus(HttpStatus.FORBIDDEN);
		var session = SessionCookie.of(mvc.post().uri("/login").with(csrf())
			.param("username", username).param("password", TestUsers.PASSWORD).exchange());
		assertThat(mvc.get().uri("/api/me").with(session)).as("signed in").hasStatusOk();
		assertThat(mvc.post().uri("/logout").with(session)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/teams").with(session).contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"csrf-forged\",\"name\":\"Forged\"}"))
			.as("the session cookie alone does not authorise an API write").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/logout").with(session).with(csrf())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl().isEqualTo("/login?logout");
		assertThat(mvc.get().uri("/login?logout")).bodyText().contains("You have signed out.");
	}

	@Test
	void apiCallsWithCredentialsNeedNoCsrfToken() {
		var key = TestUsers.unique("stateless");
		var created = mvc.post().uri("/api/teams").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"%s\",\"name\":\"Stateless\"}".formatted(key)).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created.getResponse().getCookie(SessionCookie.NAME)).as("HTTP Basic keeps no session").isNull();
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		for (var response : new MockMvcTester.MockMvcRequestBuilder[] { mvc.get().uri("/login"),
				mvc.get().uri("/api/teams").with(admin()), mvc.get().uri("/api/teams") }) {
			assertThat(response).headers()
				.hasValue("X-Content-Type-Options", "nosniff")
				.hasValue("X-Frame-Options", "DENY")
				.hasValue("Referrer-Policy", "same-origin");
			assertThat(response).headers().extracting(headers -> headers.getFirst("Content-Security-Policy"))
				.asString()
				.contains("script-src 'self';")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
		}
	}

	@Test
	void passwordsAndTokensNeverReachTheLog(CapturedOutput output) {
		var username = TestUsers.person(organisation, Role.MEMBER);
		var wrong = "Wrong-Password-" + TestUsers.unique("x");
		for (int i = 0; i < 6; i++) {
			mvc.get().uri("/api/me").with(httpBasic(username, wrong)).exchange();
		}
		var created = mvc.post().uri("/api/tokens").with(TestUsers.as(TestUsers.person(organisation, Role.MEMBER))).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"logged?\"}").exchange();
		String token = com.jayway.jsonpath.JsonPath.read(new String(created.getResponse().getContentAsByteArray(),
				java.nio.charset.StandardCharsets.UTF_8), "$.token");
		mvc.get().uri("/api/me").with(ApiTokenTests.bearer(token)).exchange();

		// only what loggers wrote: MockMvc's own print-out of a failed test shows request parameters
		var logged = output.getAll().lines().filter(line -> line.contains(" --- [")).collect(Collectors.joining("\n"));
		assertThat(logged).as("the lockout is logged").contains(username)
			.doesNotContain(wrong)
			.doesNotContain(TestUsers.PASSWORD)
			.doesNotContain(token)
			.doesNotContain(ApiTokens.hash(token));
	}
}
