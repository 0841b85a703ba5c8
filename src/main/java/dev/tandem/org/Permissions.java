package dev.tandem.org;

import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import dev.tandem.problem.ForbiddenException;

/**
 * The one policy that says who may change what. Module facades call it before every write;
 * nothing else decides. Reading is open to everyone signed in.
 * <p>
 * The signed-in person is read from the database on every check, not from the session, so a
 * changed role or a deactivated person takes effect on the next request. Code that runs with
 * no sign-in at all — start-up, scheduled jobs, asynchronous listeners, sign-in itself
 * creating a person — acts as the system and is allowed: every web request carries an
 * authentication (anonymous at least), so a request can never pass for the system.
 */
@Service
public class Permissions {

	private final PersonRepository people;

	Permissions(PersonRepository people) {
		this.people = people;
	}

	/** ADMIN, or an EDITOR who belongs to the team: may change the team's KPIs and OKRs. */
	public void requireEditorOf(long teamId) {
		if (!mayEdit(teamId)) {
			throw new ForbiddenException("Only an administrator or an editor of this team may change its KPIs and OKRs.");
		}
	}

	/** As {@link #requireEditorOf}, or the owner of the thing (MEMBER and up): may record measurements and check-ins. */
	public void requireRecorderOf(long teamId, Long ownerPersonId) {
		if (!mayRecord(teamId, ownerPersonId)) {
			throw new ForbiddenException(
					"Only the owner, an editor of this team or an administrator may record values here.");
		}
	}

	/** ADMIN only: manages people and teams. */
	public void requireAdmin() {
		if (!isAdmin()) {
			throw new ForbiddenException("Only an administrator may do this.");
		}
	}

	/** The person themselves, or an ADMIN: may manage what is personal, such as their API tokens. */
	public void requireSelfOrAdmin(long personId) {
		if (!decide(person -> person.role() == Role.ADMIN || person.id() == personId)) {
			throw new ForbiddenException("Only the person themselves or an administrator may do this.");
		}
	}

	/** For views that offer an edit only to those who may make it; the same rule as {@link #requireEditorOf}. */
	public boolean mayEdit(long teamId) {
		return decide(person -> person.role() == Role.ADMIN
				|| person.role() == Role.EDITOR && belongsTo(person, teamId));
	}

	public boolean mayRecord(long teamId, Long ownerPersonId) {
		return decide(person -> person.role() == Role.ADMIN
				|| person.role() == Role.EDITOR && belongsTo(person, teamId)
				|| person.role() != Role.VIEWER && ownerPersonId != null && ownerPersonId.equals(person.id()));
	}

	public boolean isAdmin() {
		return decide(person -> person.role() == Role.ADMIN);
	}

	private boolean decide(Predicate<Person> rule) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return true;
		}
		if (!authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
			return false;
		}
		return signedIn(authentication.getName()).filter(rule).isPresent();
	}

	/**
	 * The rule of {@link #mayEdit} for many teams at once, reading the signed-in person once:
	 * for lists that offer an edit per row, where one read per row would cost a query each.
	 */
	public LongPredicate editableTeams() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return teamId -> true;
		}
		if (!authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
			return teamId -> false;
		}
		var person = signedIn(authentication.getName()).orElse(null);
		if (person == null) {
			return teamId -> false;
		}
		return teamId -> person.role() == Role.ADMIN || person.role() == Role.EDITOR && belongsTo(person, teamId);
	}

	private Optional<Person> signedIn(String username) {
		return people.findByUsername(username).filter(Person::active);
	}

	private static boolean belongsTo(Person person, long teamId) {
		return person.memberships().stream().anyMatch(membership -> membership.teamId() == teamId);
	}
}
