package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

@TandemTest
class PullPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisation organisation;

	@Test
	void anAdministratorAddsChangesAndTestsAConnectionWithoutEverSeeingTheSecret() {
		var admin = TestUsers.person(organisation, Role.ADMIN);
		var name = TestUsers.unique("page-conn");
		var added = mvc.post().uri("/admin/connections").with(user(admin)).with(csrf()).param("name", name)
			.param("kind", "SQL").param("url", PullFixtures.sourceDatabase()).param("username", "sa")
			.param("secret", "page-s3cret").exchange();
		assertThat(added).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/admin/connections");
		long id = jdbc.sql("select id from pull_connection where name = ?").param(name).query(Long.class).single();
		assertThat(mvc.get().uri("/admin/connections").with(user(admin))).hasStatusOk().bodyText().contains(name)
			.doesNotContain("page-s3cret");
		assertThat(mvc.get().uri("/admin/connections/" + id + "/edit").with(user(admin))).hasStatusOk().bodyText()
			.contains("A secret is stored").doesNotContain("page-s3cret");

		// a refused form comes back with what to fix, and without the secret typed into it
		var refused = mvc.post().uri("/admin/connections/" + id + "/edit").with(user(admin)).with(csrf()).param("name", name)
			.param("kind", "SQL").param("url", "jdbc:h2:mem:x;INIT=runscript from 'x'").param("secret", "typed-s3cret")
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("could run code")
			.doesNotContain("typed-s3cret");

		var tested = mvc.post().uri("/admin/connections/" + id + "/test").with(user(admin)).with(csrf()).exchange();
		assertThat(tested).hasStatus3xxRedirection().flash().hasEntrySatisfying("notice",
				notice -> assertThat((String) notice).contains(name).contains("works").contains("H2"));
	}

	@Test
	void onlyAdministratorsSeeTheConnectionsPage() {
		var team = TestUsers.team(organisation);
		var editor = TestUsers.person(organisation, Role.EDITOR, team);
		assertThat(mvc.get().uri("/admin/connections").with(user(editor))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aPullKpisPageShowsItsRunsAndPullsNow() {
		var fixtures = new PullFixtures(mvc);
		var connection = fixtures.sqlConnection(PullFixtures.customerDatabase());
		var key = fixtures.pullKpi("{\"connection\":\"%s\",\"query\":\"select 97.5 as value\"}".formatted(connection[1]));
		var admin = TestUsers.person(organisation, Role.ADMIN);

		assertThat(mvc.get().uri("/kpis/" + key).with(user(admin))).hasStatusOk().bodyText()
			.contains("/kpis/" + key + "/pulls");
		assertThat(mvc.get().uri("/kpis/" + key + "/pulls").with(user(admin))).hasStatusOk().bodyText()
			.contains("Pull now").contains(connection[1]).contains("select 97.5 as value");

		var pulled = mvc.post().uri("/kpis/" + key + "/pull").with(user(admin)).with(csrf()).exchange();
		assertThat(pulled).hasStatus3xxRedirection().flash().containsEntry("notice", "Pulled 1 value.");
		assertThat(mvc.get().uri("/kpis/" + key + "/pulls").with(user(admin))).hasStatusOk().bodyText()
			.contains("Feed working").contains("<td>1</td>");
		assertThat(mvc.get().uri("/kpis/" + key + "/edit").with(user(admin))).hasStatusOk().bodyText()
			.contains("select 97.5 as value").contains(connection[1]);
		var viewer = TestUsers.person(organisation, Role.VIEWER);
		assertThat(mvc.get().uri("/kpis/" + key + "/pulls").with(user(viewer))).hasStatusOk().bodyText()
			.doesNotContain("Pull now");
		assertThat(ApiFixtures.body(fixtures.api().get("/api/kpis/" + key + "/pulls").exchange())).contains("\"OK\"");
	}
}
