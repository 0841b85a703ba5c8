package dev.tandem.org;

import static dev.tandem.TestUsers.admin;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.TandemTest;

@TandemTest
class OrganisationApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Test
	void teamsFormATree() {
		var company = unique("acme");
		var support = unique("support");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"Acme\"}".formatted(company))).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"Support\",\"parentKey\":\"%s\"}".formatted(support, company)))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.parentKey").isEqualTo(company);

		assertThat(mvc.get().uri("/api/teams/" + support).with(admin())).hasStatusOk()
			.bodyJson().extractingPath("$.name").isEqualTo("Support");
		assertThat(mvc.get().uri("/api/teams").with(admin())).hasStatusOk()
			.bodyJson().extractingPath("$[*].key").asArray().contains(company, support);
	}

	@Test
	void duplicateTeamKeyIsAConflictAndUnknownParentIsRejected() {
		var key = unique("dup");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"One\"}".formatted(key))).hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"Two\"}".formatted(key)))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains(key);
		var orphan = unique("orphan");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"X\",\"parentKey\":\"nope-none\"}".formatted(orphan)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentKey");
		assertThat(organisation.findTeam(orphan)).isEmpty();
	}

	@Test
	void badTeamInputSaysWhatToFix() {
		assertThat(post("/api/teams", "{\"key\":\"Not A Slug\",\"name\":\"\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("key", "name");
		assertThat(post("/api/teams", "{\"key\":")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("/api/teams", "{\"key\":\"x\",\"name\":\"X\",\"colour\":\"red\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
		assertThat(mvc.get().uri("/api/teams?limit=0").with(admin())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
		assertThat(mvc.get().uri("/api/teams/no-such-team").with(admin())).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson().extractingPath("$.detail").asString().contains("no-such-team");
	}

	@Test
	void peopleBelongToTeamsAndNeverShowTheirPassword() {
		var team = unique("ops");
		assertThat(post("/api/teams", "{\"key\":\"%s\",\"name\":\"Ops\"}".formatted(team))).hasStatus(HttpStatus.CREATED);
		var username = unique("ada");
		var created = post("/api/people", """
				{"username":"%s","displayName":"Ada Lovelace","email":"ada@example.com","role":"EDITOR",
				 "teams":["%s"],"password":"correct horse battery"}""".formatted(username, team));
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.teams").asArray().containsExactly(team);
		assertThat(created).bodyJson().doesNotHavePath("$.password");
		assertThat(created).bodyJson().doesNotHavePath("$.passwordHash");
		assertThat(organisation.passwordHash(username)).get().asString().startsWith("{bcrypt}");

		assertThat(mvc.get().uri("/api/people").with(admin())).hasStatusOk()
			.bodyJson().extractingPath("$[*].username").asArray().contains(username);
	}

	@Test
	void badPeopleInputIsRejectedWholly() {
		var username = unique("bob");
		assertThat(post("/api/people", """
				{"username":"%s","displayName":"Bob","role":"CHIEF","teams":[]}""".formatted(username)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.detail").asString().contains("CHIEF").contains("EDITOR");
		assertThat(post("/api/people", """
				{"username":"%s","displayName":"Bob","role":"MEMBER","teams":["no-such-team"]}""".formatted(username)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("teams[0]");
		assertThat(post("/api/people", """
				{"username":"%s","displayName":"Bob","role":"MEMBER","email":"not-an-email","password":"short"}""".formatted(username)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("email", "password");
		assertThat(organisation.findPerson(username)).isEmpty();
	}

	private MockMvcTester.MockMvcRequestBuilder post(String uri, String json) {
		return mvc.post().uri(uri).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json);
	}
}
