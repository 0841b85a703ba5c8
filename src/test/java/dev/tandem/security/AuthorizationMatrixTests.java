package dev.tandem.security;

import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.SessionCookie;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/**
 * Who may call what, for every endpoint the application has. The matrix below is the
 * contract: an endpoint that is not in it fails {@link #everyEndpointIsInTheMatrix()}, so
 * whoever adds an endpoint also says who may call it — and each entry is then called as
 * every kind of caller, expecting the allowed ones through (any status but 401/403 and a
 * redirect to sign-in: a 400 or 404 is "allowed") and the others refused.
 * <p>
 * To add an endpoint: add a {@link Rule} to {@link #MATRIX} with the callers allowed and a
 * request that would succeed for them — a valid body and ids of real things, since a 400
 * for a bad body would hide a missing permission check. Things the request needs (a KPI
 * owned by {@link Caller#OWNER_MEMBER} in {@link Fixture#team}, say) go into {@link Fixture}.
 */
@TandemTest
class AuthorizationMatrixTests {

	enum Caller {
		ANONYMOUS, ADMIN, EDITOR_OF_TEAM, EDITOR_OF_OTHER_TEAM, OWNER_MEMBER, OTHER_MEMBER, VIEWER
	}

	static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

	/** {@code Permissions.requireEditorOf(fixture.team)}. */
	static final Set<Caller> TEAM_EDITORS = EnumSet.of(Caller.ADMIN, Caller.EDITOR_OF_TEAM);

	/** {@code Permissions.requireRecorderOf(fixture.team, fixture.owner)}. */
	static final Set<Caller> RECORDERS = EnumSet.of(Caller.ADMIN, Caller.EDITOR_OF_TEAM, Caller.OWNER_MEMBER);

	/** {@code Permissions.mayEdit} of some team: may define KPIs (in the teams they edit). */
	static final Set<Caller> EDITORS = EnumSet.of(Caller.ADMIN, Caller.EDITOR_OF_TEAM, Caller.EDITOR_OF_OTHER_TEAM);

	/** {@code Permissions.requireSelfOrAdmin(fixture.owner)}. */
	static final Set<Caller> OWNER_OR_ADMIN = EnumSet.of(Caller.ADMIN, Caller.OWNER_MEMBER);

	record Rule(String endpoint, Set<Caller> allowed,
			Function<Fixture, ? extends AbstractMockHttpServletRequestBuilder<?>> request) {
	}

	/** THE MATRIX. Keys are "METHOD /pattern" as Spring maps them ("ALL" for a mapping without a method). */
	static final List<Rule> MATRIX = List.of(
			// organisation
			new Rule("GET /api/teams", SIGNED_IN, f -> get("/api/teams")),
			new Rule("GET /api/teams/{key}", SIGNED_IN, f -> get("/api/teams/" + f.team)),
			new Rule("POST /api/teams", ADMINS, f -> json(post("/api/teams"), """
					{"key":"%s","name":"Matrix"}""".formatted(unique("matrix")))),
			new Rule("GET /api/people", SIGNED_IN, f -> get("/api/people")),
			new Rule("GET /api/people/{username}", SIGNED_IN, f -> get("/api/people/" + f.username(Caller.VIEWER))),
			new Rule("POST /api/people", ADMINS, f -> json(post("/api/people"), """
					{"username":"%s","displayName":"Matrix","role":"VIEWER","teams":["%s"]}"""
				.formatted(unique("matrix"), f.team))),
			new Rule("GET /api/me", SIGNED_IN, f -> get("/api/me")),
			new Rule("GET /admin/people", ADMINS, f -> get("/admin/people")),
			new Rule("POST /admin/people", ADMINS, f -> post("/admin/people").param("username", unique("matrix"))
				.param("displayName", "Matrix").param("role", "VIEWER")),
			new Rule("GET /admin/teams", ADMINS, f -> get("/admin/teams")),
			new Rule("POST /admin/teams", ADMINS, f -> post("/admin/teams").param("key", unique("matrix"))
				.param("name", "Matrix")),
			// security
			new Rule("POST /api/tokens", SIGNED_IN, f -> json(post("/api/tokens"), "{\"name\":\"matrix\"}")),
			new Rule("GET /api/tokens", SIGNED_IN, f -> get("/api/tokens")),
			new Rule("DELETE /api/tokens/{id}", OWNER_OR_ADMIN, f -> delete("/api/tokens/" + f.newTokenOfOwner())),
			new Rule("GET /api/audit", ADMINS, f -> get("/api/audit")),
			new Rule("GET /admin/audit", ADMINS, f -> get("/admin/audit")),
			// a test database in memory answers 409 (nothing to back up): allowed, refused for a reason of its own
			new Rule("POST /api/backups", ADMINS, f -> post("/api/backups")),
			new Rule("GET /api/backups", ADMINS, f -> get("/api/backups")),
			// Actuator: probes for anyone (a load balancer), the rest for administrators (and API tokens, OperationsEndpointsTests)
			new Rule("GET /actuator/health", EVERYONE, f -> get("/actuator/health")),
			new Rule("GET /actuator/health/**", EVERYONE, f -> get("/actuator/health/readiness")),
			new Rule("GET /actuator", ADMINS, f -> get("/actuator")),
			new Rule("GET /actuator/info", ADMINS, f -> get("/actuator/info")),
			new Rule("GET /actuator/metrics", ADMINS, f -> get("/actuator/metrics")),
			new Rule("GET /actuator/metrics/{requiredMetricName}", ADMINS, f -> get("/actuator/metrics/jvm.memory.used")),
			new Rule("GET /actuator/prometheus", ADMINS, f -> get("/actuator/prometheus")),
			new Rule("GET /login", EVERYONE, f -> get("/login")),
			// pages: reading is open to everyone signed in; forms are refused before their input is read
			new Rule("GET /kpis", SIGNED_IN, f -> get("/kpis?q=matrix")),
			new Rule("GET /kpis/{key}", SIGNED_IN, f -> get("/kpis/" + f.kpi() + "?period=WEEKLY")),
			new Rule("GET /kpis/new", EDITORS, f -> get("/kpis/new")),
			// an empty form: 422 for those who may define KPIs, 403 for the others
			new Rule("POST /kpis/new", EDITORS, f -> post("/kpis/new")),
			new Rule("GET /kpis/{key}/edit", TEAM_EDITORS, f -> get("/kpis/" + f.kpi() + "/edit")),
			new Rule("POST /kpis/{key}/edit", TEAM_EDITORS, f -> post("/kpis/" + f.kpi() + "/edit")),
			new Rule("POST /kpis/{key}/measurements", RECORDERS, f -> post("/kpis/" + f.kpi() + "/measurements")
				.param("value", "42").param("at", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)
					.withSecond(0).withNano(0).toString())),
			new Rule("POST /kpis/{key}/measurements/import", RECORDERS, f -> multipart("/kpis/" + f.kpi() + "/measurements/import")
				.file(new MockMultipartFile("file", "matrix.csv", "text/csv",
						(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + ",41\n").getBytes(StandardCharsets.UTF_8)))),
			// the pickers' matches (htmx fragments): for everyone signed in, as the pages that use them
			new Rule("GET /pickers/kpis", SIGNED_IN, f -> get("/pickers/kpis?q=a")),
			new Rule("GET /pickers/people", SIGNED_IN, f -> get("/pickers/people?q=a")),
			new Rule("GET /pickers/objectives", SIGNED_IN, f -> get("/pickers/objectives?q=a")),
			// the API's description and its browser: anonymous, since they hold no data (see dev.tandem.openapi)
			new Rule("GET /v3/api-docs", EVERYONE, f -> get("/v3/api-docs")),
			new Rule("GET /v3/api-docs.yaml", EVERYONE, f -> get("/v3/api-docs.yaml")),
			new Rule("GET /v3/api-docs/swagger-config", EVERYONE, f -> get("/v3/api-docs/swagger-config")),
			new Rule("GET /swagger-ui.html", EVERYONE, f -> get("/swagger-ui.html")),
			// Spring Boot's error endpoint: public, so that an error page never asks for a sign-in
			new Rule("ALL /error", EVERYONE, f -> get("/error")));

	/** The matrix with the rules each module keeps beside it. */
	static List<Rule> rules() {
		return Stream.of(MATRIX, KpiMatrixRules.RULES, OkrMatrixRules.RULES, WebOkrMatrixRules.RULES, LoopMatrixRules.RULES,
				SheetMatrixRules.RULES, ImportMatrixRules.RULES, PullMatrixRules.RULES, ReviewMatrixRules.RULES, NotifyMatrixRules.RULES).flatMap(List::stream).toList();
	}

	private static Fixture fixture;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyEndpointIsInTheMatrix() {
		var listed = rules().stream().map(Rule::endpoint).collect(Collectors.toCollection(TreeSet::new));
		var mapped = endpoints();
		assertThat(difference(mapped, listed))
			.as("endpoints missing from AuthorizationMatrixTests.MATRIX: add a Rule saying who may call each")
			.isEmpty();
		assertThat(difference(listed, mapped)).as("matrix entries for endpoints that no longer exist").isEmpty();
		assertThat(rules().stream().map(Rule::endpoint).distinct().count()).as("duplicate matrix entries")
			.isEqualTo(rules().size());
	}

	@TestFactory
	Stream<DynamicTest> eachEndpointAdmitsExactlyItsCallers() {
		return rules().stream().flatMap(rule -> EnumSet.allOf(Caller.class).stream()
			.map(caller -> DynamicTest.dynamicTest(rule.endpoint() + " as " + caller, () -> check(rule, caller))));
	}

	private void check(Rule rule, Caller caller) {
		var f = fixture();
		var request = rule.request().apply(f);
		var api = rule.endpoint().contains(" /api/");
		if (caller != Caller.ANONYMOUS) {
			if (api) {
				request.with(TestUsers.as(f.username(caller)));
			}
			else {
				request.with(f.session(caller)).with(csrf());
			}
		}
		var result = mvc.perform(request);
		var status = result.getResponse().getStatus();
		var location = result.getResponse().getRedirectedUrl();
		var denied = status == 401 || status == 403 || status == 302 && location != null && location.endsWith("/login");
		var expectAllowed = rule.allowed().contains(caller);
		assertThat(denied).as("%s as %s answered %d%s; expected it to be %s", rule.endpoint(), caller, status,
				location == null ? "" : " to " + location, expectAllowed ? "allowed" : "denied")
			.isEqualTo(!expectAllowed);
		if (api && caller == Caller.ANONYMOUS && !expectAllowed) {
			assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private Set<String> endpoints() {
		return context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
			.flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
			.flatMap(AuthorizationMatrixTests::endpoints)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Stream<String> endpoints(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
		return info.getPatternValues().stream()
			.flatMap(pattern -> (methods.isEmpty() ? List.of("ALL") : methods).stream().map(method -> method + " " + pattern));
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		var result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private synchronized Fixture fixture() {
		if (fixture == null || fixture.organisation != organisation) {
			fixture = new Fixture(organisation, mvc, jdbc);
		}
		return fixture;
	}

	/** What the matrix's requests refer to: two teams and a person of each kind. */
	static final class Fixture {

		final Organisation organisation;
		final MockMvcTester mvc;
		final JdbcClient jdbc;
		/** The team the editor, both members and the viewer belong to. */
		final String team;
		final String otherTeam;
		private final Map<Caller, String> usernames = new EnumMap<>(Caller.class);
		private final Map<Caller, SessionCookie> sessions = new EnumMap<>(Caller.class);

		Fixture(Organisation organisation, MockMvcTester mvc, JdbcClient jdbc) {
			this.organisation = organisation;
			this.mvc = mvc;
			this.jdbc = jdbc;
			this.team = TestUsers.team(organisation);
			this.otherTeam = TestUsers.team(organisation);
			usernames.put(Caller.ADMIN, TestUsers.person(organisation, Role.ADMIN));
			usernames.put(Caller.EDITOR_OF_TEAM, TestUsers.person(organisation, Role.EDITOR, team));
			usernames.put(Caller.EDITOR_OF_OTHER_TEAM, TestUsers.person(organisation, Role.EDITOR, otherTeam));
			usernames.put(Caller.OWNER_MEMBER, TestUsers.person(organisation, Role.MEMBER, team));
			usernames.put(Caller.OTHER_MEMBER, TestUsers.person(organisation, Role.MEMBER, team));
			usernames.put(Caller.VIEWER, TestUsers.person(organisation, Role.VIEWER, team));
		}

		String username(Caller caller) {
			return usernames.get(caller);
		}

		/** The id of the person who owns the fixture's things (KPIs, key results, tokens). */
		long owner() {
			return organisation.person(username(Caller.OWNER_MEMBER)).id();
		}

		/** A browser session signed in through the form, for pages. */
		SessionCookie session(Caller caller) {
			return sessions.computeIfAbsent(caller, ignored -> {
				var result = mvc.post().uri("/login").with(csrf())
					.param("username", username(caller)).param("password", TestUsers.PASSWORD).exchange();
				assertThat(result).hasStatus3xxRedirection().redirectedUrl().doesNotContain("error");
				return SessionCookie.of(result);
			});
		}

		private String kpi;

		/** A daily KPI of the fixture's team, owned by {@link Caller#OWNER_MEMBER}; made once, through the API. */
		synchronized String kpi() {
			if (kpi == null) {
				kpi = newKpi();
			}
			return kpi;
		}

		/** Another such KPI, for a request that uses it up (a delete). */
		String newKpi() {
			var key = unique("matrix-kpi");
			var created = mvc.post().uri("/api/kpis").with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON)
				.content(kpiJson(key))
				.exchange();
			assertThat(created).hasStatus(201);
			return key;
		}

		String kpiJson(String key) {
			return """
					{"key":"%s","name":"Matrix uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"MANUAL",
					 "frequency":"DAILY","aggregation":"AVERAGE","indicator":"LAGGING","shape":"THRESHOLD",
					 "direction":"HIGHER_IS_BETTER","target":99,"warning":97}"""
				.formatted(key, team, username(Caller.OWNER_MEMBER));
		}

		/** A fresh token of the owner, since revoking one uses it up. */
		long newTokenOfOwner() {
			MvcTestResult created = mvc.post().uri("/api/tokens").with(TestUsers.as(username(Caller.OWNER_MEMBER)))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"to revoke\"}").exchange();
			assertThat(created).hasStatus(201);
			var body = new String(created.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
			return ((Number) JsonPath.read(body, "$.id")).longValue();
		}
	}
}
