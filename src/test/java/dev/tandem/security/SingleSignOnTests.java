package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.SessionCookie;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** OpenID Connect sign-in against a real (mock) provider running in this JVM. */
@TandemTest
@TestPropertySource(properties = { "tandem.oidc.client-id=tandem", "tandem.oidc.client-secret=tandem-client-secret",
		"tandem.oidc.display-name=Acme SSO" })
class SingleSignOnTests {

	private static final String ISSUER = "acme";

	private static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		// before the application starts: it reads the provider's discovery document at start-up
		provider.start();
	}

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) {
		properties.add("tandem.oidc.issuer-uri", () -> provider.issuerUrl(ISSUER).toString());
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Test
	void theSignInPageOffersSingleSignOn() {
		assertThat(mvc.get().uri("/login")).bodyText().contains("Sign in with Acme SSO")
			.contains("href=\"/oauth2/authorization/oidc\"");
	}

	@Test
	void aNewcomerBecomesAMemberAndStaysTheSamePersonWhenRenamed() throws Exception {
		var subject = TestUsers.unique("subject");
		var username = TestUsers.unique("sso-ann");
		var session = signIn(subject, Map.of("preferred_username", username, "name", "Ann Newcomer",
				"email", username + "@example.com", "email_verified", true));
		assertThat(mvc.get().uri("/api/me").with(session)).hasStatusOk().bodyJson().extractingPath("$.role")
			.isEqualTo("MEMBER");
		var person = organisation.person(username);
		assertThat(person.displayName()).isEqualTo("Ann Newcomer");
		assertThat(person.teams()).isEmpty();

		var renamed = signIn(subject, Map.of("preferred_username", TestUsers.unique("ann-renamed")));
		assertThat(mvc.get().uri("/api/me").with(renamed)).bodyJson().extractingPath("$.username").isEqualTo(username);
	}

	@Test
	void anExistingPersonIsFoundByUsernameOrVerifiedEmail() throws Exception {
		var editor = TestUsers.person(organisation, Role.EDITOR);
		var byName = signIn(TestUsers.unique("subject"), Map.of("preferred_username", editor));
		assertThat(mvc.get().uri("/api/me").with(byName)).bodyJson().extractingPath("$.username").isEqualTo(editor);

		var viewer = TestUsers.person(organisation, Role.VIEWER);
		var byEmail = signIn(TestUsers.unique("subject"), Map.of("preferred_username", TestUsers.unique("other-name"),
				"email", viewer + "@example.com", "email_verified", true));
		assertThat(mvc.get().uri("/api/me").with(byEmail)).bodyJson().extractingPath("$.username").isEqualTo(viewer);
	}

	@Test
	void anUnverifiedEmailOrASecondAccountNeverTakesOverAPerson() throws Exception {
		var viewer = TestUsers.person(organisation, Role.VIEWER);
		var stranger = TestUsers.unique("stranger");
		var unverified = signIn(TestUsers.unique("subject"), Map.of("preferred_username", stranger,
				"email", viewer + "@example.com", "email_verified", false));
		assertThat(mvc.get().uri("/api/me").with(unverified)).bodyJson().extractingPath("$.username").isEqualTo(stranger);

		var session = new SessionCookie();
		var refused = complete(session, TestUsers.unique("subject"), Map.of("preferred_username", stranger));
		assertThat(refused).as("the name is already linked to another subject").isEqualTo("/login?sso-failed");
	}

	/** The browser's part of the code flow: to the provider, back with a code, and signed in. */
	private SessionCookie signIn(String subject, Map<String, Object> claims) throws Exception {
		var session = new SessionCookie();
		assertThat(complete(session, subject, claims)).isEqualTo("/");
		return session;
	}

	private String complete(SessionCookie session, String subject, Map<String, Object> claims)
			throws IOException, InterruptedException {
		var start = session.keep(mvc.get().uri("/oauth2/authorization/oidc").with(session).exchange());
		assertThat(start).hasStatus(HttpStatus.FOUND);
		var authorize = start.getResponse().getRedirectedUrl();
		assertThat(authorize).startsWith(provider.authorizationEndpointUrl(ISSUER).toString()).contains("nonce=");

		provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of("tandem"), claims, 3600));
		var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		var answer = http.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		var callback = answer.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();
		assertThat(callback).startsWith("http://localhost/login/oauth2/code/oidc?");

		var done = session.keep(mvc.get().uri(URI.create(callback)).with(session).exchange());
		assertThat(done).hasStatus(HttpStatus.FOUND);
		return done.getResponse().getRedirectedUrl();
	}
}
