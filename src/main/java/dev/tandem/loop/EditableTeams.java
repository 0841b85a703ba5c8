package dev.tandem.loop;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;

/** The keys of the teams the signed-in person may decide for, read once for a whole list. */
final class EditableTeams {

	private EditableTeams() {
	}

	/** None for an anonymous caller; every team an administrator's. */
	static Set<String> keys(Organisation organisation, Permissions permissions) {
		return teams(organisation, permissions).map(TeamView::key).collect(Collectors.toSet());
	}

	/** As {@link #keys}, their ids: what a query filters by. */
	static Set<Long> ids(Organisation organisation, Permissions permissions) {
		return teams(organisation, permissions).map(TeamView::id).collect(Collectors.toSet());
	}

	private static Stream<TeamView> teams(Organisation organisation, Permissions permissions) {
		if (Actor.signedIn().isEmpty()) {
			return Stream.empty();
		}
		var editable = permissions.editableTeams();
		return organisation.teamIndex().values().stream().filter(team -> editable.test(team.id()));
	}
}
