package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.SessionCookie;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;

/**
 * Stored text is shown escaped, everywhere. Thymeleaf's th:text escapes; th:utext and
 * [(...)] inlining do not, so no template may use them. Pages that show stored text are
 * listed in {@link #PAGES}: add yours, and store its text in {@link #storeTheAttack()} if
 * the team name alone does not reach it.
 */
@TandemTest
class XssTests {

	static final String ATTACK = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

	/** Pages that show stored names and texts, read as an administrator after the attack is stored. */
	static final List<String> PAGES = List.of("/admin/audit", "/", "/okrs");

	private static final Pattern UNESCAPED = Pattern.compile("th:utext|data-th-utext|\\[\\(");

	@Autowired
	MockMvcTester mvc;

	@Test
	void noTemplateWritesUnescapedText() throws IOException {
		var templates = Path.of("src/main/resources/templates");
		assertThat(templates).isDirectory();
		try (Stream<Path> files = Files.walk(templates)) {
			var offenders = files.filter(Files::isRegularFile)
				.filter(file -> {
					try {
						return UNESCAPED.matcher(Files.readString(file)).find();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				})
				.map(Path::toString)
				.toList();
			assertThat(offenders).as("templates using th:utext or [(...)]: use th:text / [[...]]").isEmpty();
		}
	}

	@ParameterizedTest
	@FieldSource("PAGES")
	void storedTextIsEscapedOnEveryPage(String page) {
		storeTheAttack();
		var response = mvc.get().uri(page).with(signedInAdmin());
		assertThat(response).hasStatusOk().bodyText()
			.doesNotContain(ATTACK)
			.doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.contains("&lt;script&gt;alert(");
	}

	/** Objective and key result titles, a check-in's notes and a retrospective, on every OKR page that shows them. */
	@Test
	void storedOkrTextIsEscapedOnTheOkrPages() {
		var team = TestUsers.unique("xss");
		var json = ATTACK.replace("\"", "\\\"");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"XSS team\"}".formatted(team))).hasStatus(HttpStatus.CREATED);
		var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		var cycle = id(post("/api/cycles", "{\"name\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}"
			.formatted(TestUsers.unique("xss"), today.minusDays(10), today.plusDays(80))));
		var objective = id(post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"%s","description":"%s","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, TestUsers.ADMIN, json, json)));
		var keyResult = id(post("/api/objectives/" + objective + "/key-results", """
				{"title":"%s","type":"METRIC","owner":"%s","baseline":1,"target":2,"unit":"%s"}"""
			.formatted(json, TestUsers.ADMIN, "u<b>")));
		assertThat(post("/api/key-results/" + keyResult + "/check-ins", """
				{"value":1.5,"confidence":6,"changed":"%s","learned":"%s","blockers":"%s","decision":"%s"}"""
			.formatted(json, json, json, json))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.put().uri("/api/objectives/" + objective + "/retrospective").with(TestUsers.admin())
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"%s\"}".formatted(json))).hasStatusOk();
		var session = signedInAdmin();
		for (var page : List.of("/okrs?cycle=" + cycle, "/objectives/" + objective, "/review?cycle=" + cycle, "/check-in",
				"/objectives/" + objective + "/edit", "/key-results/" + keyResult + "/edit",
				"/objectives/" + objective + "/delete", "/key-results/" + keyResult + "/delete")) {
			assertThat(mvc.get().uri(page).with(session)).as(page).hasStatusOk().bodyText()
				.doesNotContain(ATTACK)
				.doesNotContain("<script>alert")
				.doesNotContain("<img src=x")
				.contains("&lt;script&gt;alert(");
		}
	}

	/** A cycle's name, on every page that shows it: the cycles page, its forms and confirmations, the OKR pages. */
	@Test
	void storedCycleNamesAreEscapedOnTheCyclePages() {
		var team = TestUsers.unique("xss");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"XSS team\"}".formatted(team))).hasStatus(HttpStatus.CREATED);
		var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		var name = ATTACK.replace("\"", "\\\"") + TestUsers.unique(" ");
		var cycle = id(post("/api/cycles", "{\"name\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}"
			.formatted(name, today.minusDays(10), today.plusDays(80))));
		var objective = id(post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Plain","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, TestUsers.ADMIN)));
		var keyResult = id(post("/api/objectives/" + objective + "/key-results", """
				{"title":"Plain","type":"MILESTONE","owner":"%s"}""".formatted(TestUsers.ADMIN)));
		var session = signedInAdmin();
		for (var page : List.of("/cycles", "/cycles/" + cycle + "/edit", "/cycles/" + cycle + "/close", "/okrs?cycle=" + cycle,
				"/objectives/" + objective, "/objectives/" + objective + "/delete", "/key-results/" + keyResult + "/delete")) {
			assertThat(mvc.get().uri(page).with(session)).as(page).hasStatusOk().bodyText()
				.doesNotContain(ATTACK)
				.doesNotContain("<script>alert")
				.doesNotContain("<img src=x")
				.contains("&lt;script&gt;alert(");
		}
	}

	private MockMvcTester.MockMvcRequestBuilder post(String uri, String json) {
		return mvc.post().uri(uri).with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private static long id(MockMvcTester.MockMvcRequestBuilder request) {
		var result = request.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		try {
			return ((Number) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private void storeTheAttack() {
		var key = TestUsers.unique("xss");
		assertThat(mvc.post().uri("/api/teams").with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"%s\",\"name\":\"%s\"}".formatted(key, ATTACK.replace("\"", "\\\""))))
			.hasStatus(HttpStatus.CREATED);
	}

	private SessionCookie signedInAdmin() {
		var result = mvc.post().uri("/login").with(csrf())
			.param("username", TestUsers.ADMIN).param("password", TestUsers.ADMIN_PASSWORD).exchange();
		return SessionCookie.of(result);
	}
}
