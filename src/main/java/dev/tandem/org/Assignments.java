package dev.tandem.org;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What a form offers when it gives a KPI or an objective its team and its owner: the teams the
 * signed-in person may edit, and the active people who may own it, each in the order a person
 * looks for a name.
 */
@Service
public class Assignments {

	private final Organisation organisation;
	private final Permissions permissions;

	Assignments(Organisation organisation, Permissions permissions) {
		this.organisation = organisation;
		this.permissions = permissions;
	}

	/**
	 * The teams the signed-in person may edit, by name; empty for someone who may edit none. The
	 * person is read once for all teams, not once per team.
	 */
	public List<TeamView> editableTeams() {
		var editable = permissions.editableTeams();
		return organisation.teams().stream()
			.filter(team -> editable.test(team.id()))
			.sorted(Comparator.comparing(TeamView::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Everyone who may own something: the active people, by display name. */
	public List<PersonView> owners() {
		return organisation.people().stream()
			.filter(PersonView::active)
			.sorted(Comparator.comparing(PersonView::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The active people whose username or name contains the text, at most {@code limit}: an owner picker's matches. */
	public List<PersonName> owners(String text, int limit) {
		return organisation.searchActivePeople(text, limit);
	}
}
