package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/** Five failed password sign-ins lock the username for fifteen minutes, through the form and HTTP Basic alike. */
@TandemTest
class SignInThrottleTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Test
	void httpBasicLocksAfterFiveFailuresEvenForTheRightPassword() {
		var username = TestUsers.person(organisation, Role.MEMBER);
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.get().uri("/api/me").with(httpBasic(username, "wrong-guess-" + i)))
				.hasStatus(HttpStatus.UNAUTHORIZED);
		}
		var locked = mvc.get().uri("/api/me").with(TestUsers.as(username));
		assertThat(locked).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Integer.parseInt(locked.exchange().getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
			.isBetween(840, 900);
		assertThat(locked).bodyJson().extractingPath("$.detail").asString()
			.contains("Too many failed sign-ins").contains("15 minutes");

		var other = TestUsers.person(organisation, Role.MEMBER);
		assertThat(mvc.get().uri("/api/me").with(TestUsers.as(other))).as("others still sign in").hasStatusOk();
		assertThat(mvc.get().uri("/api/audit?type=sign-in.locked&limit=1000").with(TestUsers.admin())).hasStatusOk()
			.bodyJson().extractingPath("$[*].subject").asArray().contains(username);
	}

	@Test
	void theFormSaysWhenSignInIsLocked() {
		var username = TestUsers.person(organisation, Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.post().uri("/login").with(csrf()).param("username", username).param("password", "wrong-" + i))
				.redirectedUrl().isEqualTo("/login?error");
		}
		var locked = mvc.post().uri("/login").with(csrf()).param("username", username).param("password", TestUsers.PASSWORD);
		assertThat(locked).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/login?locked=15");
		assertThat(mvc.get().uri("/login?locked=15")).bodyText()
			.contains("Too many failed sign-ins").contains("Try again in 15 minutes.");
		assertThat(mvc.get().uri("/api/me").with(TestUsers.as(username))).as("Basic shares the lock")
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void aSuccessfulSignInClearsEarlierFailures() {
		var username = TestUsers.person(organisation, Role.VIEWER);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(mvc.get().uri("/api/me").with(httpBasic(username, "nope-" + i))).hasStatus(HttpStatus.UNAUTHORIZED);
			}
			assertThat(mvc.get().uri("/api/me").with(TestUsers.as(username))).hasStatusOk();
		}
	}
}
