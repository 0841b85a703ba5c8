package dev.tandem.loop;

import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;

/** The keys of the teams the signed-in person may decide for, read once for a whole list. */
final class EditableTeams {

	private EditableTeams() {
	}

	/** None for an anonymous caller; every team an administrator's. */
	static Set<String> keys(Organisation organisation, Permissions permissions) {
		if (Actor.signedIn().isEmpty()) {
			return Set.of();
		}
		var editable = permissions.editableTeams();
		return organisation.teamIndex().values().stream()
			.filter(team -> editable.test(team.id()))
			.map(team -> team.key())
			.collect(Collectors.toSet());
	}
}
