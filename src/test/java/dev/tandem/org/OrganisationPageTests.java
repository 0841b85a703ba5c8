package dev.tandem.org;

import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.TandemTest;
import dev.tandem.TestUsers;

/** The administrator's people and teams pages: listing, adding, refusing bad input and non-admins. */
@TandemTest
class OrganisationPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Test
	void anAdminAddsATeamUnderAnotherAndAPersonInIt() {
		var admin = TestUsers.person(organisation, Role.ADMIN);
		var parent = TestUsers.team(organisation);
		var key = unique("pages");
		var added = mvc.post().uri("/admin/teams").with(user(admin)).with(csrf()).param("key", key)
			.param("name", "Field <b>Sales</b>").param("parentKey", parent).exchange();
		assertThat(added).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/admin/teams");
		assertThat(organisation.team(key).parentKey()).isEqualTo(parent);
		assertThat(mvc.get().uri("/admin/teams").with(user(admin))).hasStatusOk().bodyText()
			.contains("Field &lt;b&gt;Sales&lt;/b&gt;").doesNotContain("<b>Sales</b>");

		var username = unique("ada");
		var person = mvc.post().uri("/admin/people").with(user(admin)).with(csrf()).param("username", username)
			.param("displayName", "Ada Lovelace").param("role", "EDITOR").param("teams", key)
			.param("password", "a-long-passphrase").exchange();
		assertThat(person).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/admin/people");
		assertThat(organisation.person(username).teams()).containsExactly(key);
		assertThat(organisation.person(username).role()).isEqualTo(Role.EDITOR);
		assertThat(mvc.get().uri("/admin/people").with(user(admin))).hasStatusOk().bodyText().contains("Ada Lovelace");
	}

	@Test
	void badInputComesBackWithWhatToFixAndNothingIsSaved() {
		var admin = TestUsers.person(organisation, Role.ADMIN);
		var username = unique("bad");
		var refused = mvc.post().uri("/admin/people").with(user(admin)).with(csrf()).param("username", username)
			.param("displayName", " ").param("role", "MEMBER").param("password", "short").exchange();
		assertThat(refused).hasStatus(422);
		assertThat(refused).bodyText().contains("must not be blank").contains("must be 10 to 200 characters long");
		assertThat(organisation.findPerson(username)).isEmpty();

		var taken = mvc.post().uri("/admin/people").with(user(admin)).with(csrf()).param("username", admin)
			.param("displayName", "Again").param("role", "MEMBER").exchange();
		assertThat(taken).hasStatus(422);
		assertThat(taken).bodyText().contains("is taken");

		var key = unique("orphan");
		var noParent = mvc.post().uri("/admin/teams").with(user(admin)).with(csrf()).param("key", key)
			.param("name", "Orphan").param("parentKey", "no-such-team").exchange();
		assertThat(noParent).hasStatus(422);
		assertThat(noParent).bodyText().contains("is not a team");
		assertThat(organisation.findTeam(key)).isEmpty();
		assertThat(mvc.post().uri("/admin/teams").with(user(admin)).with(csrf()).param("key", "Not A Key")
			.param("name", "X")).hasStatus(422).bodyText().contains("lower-case letters");
	}

	@Test
	void onlyAdministratorsSeeOrChangeThem() {
		var editor = TestUsers.person(organisation, Role.EDITOR);
		assertThat(mvc.get().uri("/admin/people").with(user(editor))).hasStatus(HttpStatus.FORBIDDEN);
		var key = unique("sneaky");
		assertThat(mvc.post().uri("/admin/teams").with(user(editor)).with(csrf()).param("key", key).param("name", "S"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(organisation.findTeam(key)).isEmpty();
	}
}
