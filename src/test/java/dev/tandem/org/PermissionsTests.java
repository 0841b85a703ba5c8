package dev.tandem.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.problem.ForbiddenException;

/** The rules other modules rely on before every write, checked for each role directly. */
@TandemTest
class PermissionsTests {

	@Autowired
	Permissions permissions;

	@Autowired
	Organisation organisation;

	long team;
	long otherTeam;
	String admin;
	String editor;
	String outsideEditor;
	String member;
	String viewer;

	@BeforeEach
	void people() {
		var teamKey = TestUsers.team(organisation);
		var otherKey = TestUsers.team(organisation);
		team = organisation.team(teamKey).id();
		otherTeam = organisation.team(otherKey).id();
		admin = TestUsers.person(organisation, Role.ADMIN);
		editor = TestUsers.person(organisation, Role.EDITOR, teamKey);
		outsideEditor = TestUsers.person(organisation, Role.EDITOR, otherKey);
		member = TestUsers.person(organisation, Role.MEMBER, teamKey);
		viewer = TestUsers.person(organisation, Role.VIEWER, teamKey);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void editorsChangeOnlyTheirOwnTeams() {
		signIn(admin);
		assertThatNoException().isThrownBy(() -> permissions.requireEditorOf(team));
		signIn(editor);
		assertThatNoException().isThrownBy(() -> permissions.requireEditorOf(team));
		assertThatThrownBy(() -> permissions.requireEditorOf(otherTeam)).isInstanceOf(ForbiddenException.class);
		for (var other : List.of(outsideEditor, member, viewer)) {
			signIn(other);
			assertThatThrownBy(() -> permissions.requireEditorOf(team)).as(other).isInstanceOf(ForbiddenException.class);
		}
	}

	@Test
	void membersRecordOnlyOnWhatTheyOwn() {
		var owner = organisation.person(member).id();
		var someoneElse = organisation.person(viewer).id();
		signIn(member);
		assertThatNoException().isThrownBy(() -> permissions.requireRecorderOf(team, owner));
		assertThatNoException().as("ownership counts in any team").isThrownBy(() -> permissions.requireRecorderOf(otherTeam, owner));
		assertThatThrownBy(() -> permissions.requireRecorderOf(team, someoneElse)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> permissions.requireRecorderOf(team, null)).isInstanceOf(ForbiddenException.class);
		signIn(editor);
		assertThatNoException().isThrownBy(() -> permissions.requireRecorderOf(team, someoneElse));
		assertThatThrownBy(() -> permissions.requireRecorderOf(otherTeam, someoneElse)).isInstanceOf(ForbiddenException.class);
		signIn(admin);
		assertThatNoException().isThrownBy(() -> permissions.requireRecorderOf(otherTeam, null));
		signIn(viewer);
		assertThatThrownBy(() -> permissions.requireRecorderOf(team, someoneElse))
			.as("a viewer reads, even what they own").isInstanceOf(ForbiddenException.class);
	}

	@Test
	void onlyAdminsManageTheOrganisation() {
		signIn(admin);
		assertThatNoException().isThrownBy(permissions::requireAdmin);
		for (var other : List.of(editor, member, viewer)) {
			signIn(other);
			assertThatThrownBy(permissions::requireAdmin).isInstanceOf(ForbiddenException.class);
			assertThatThrownBy(() -> organisation.createTeam(new NewTeam(TestUsers.unique("no"), "No", null)))
				.isInstanceOf(ForbiddenException.class);
		}
	}

	@Test
	void anonymousAndUnknownPeopleMayChangeNothing() {
		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(permissions.mayEdit(team)).isFalse();
		assertThatThrownBy(permissions::requireAdmin).isInstanceOf(ForbiddenException.class);
		signIn("nobody-" + TestUsers.unique("x"));
		assertThat(permissions.mayRecord(team, null)).isFalse();
	}

	@Test
	void theSystemActingAloneMayDoWhatItMust() {
		SecurityContextHolder.clearContext();
		assertThatNoException().isThrownBy(permissions::requireAdmin);
		assertThat(organisation.signedIn()).isEmpty();
	}

	private static void signIn(String username) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
	}
}
