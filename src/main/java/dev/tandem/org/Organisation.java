package dev.tandem.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.problem.ConflictException;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/** The organisation module's API: teams and people, created and looked up. */
@Service
@Transactional(readOnly = true)
public class Organisation {

	private final TeamRepository teams;
	private final PersonRepository people;
	private final PasswordEncoder passwords;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Organisation(TeamRepository teams, PersonRepository people, PasswordEncoder passwords, Permissions permissions,
			ApplicationEventPublisher events, Clock clock) {
		this.teams = teams;
		this.people = people;
		this.passwords = passwords;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public TeamView createTeam(NewTeam request) {
		permissions.requireAdmin();
		if (teams.findByKey(request.key()).isPresent()) {
			throw new ConflictException("A team with key '" + request.key() + "' already exists.");
		}
		Long parentId = null;
		if (request.parentKey() != null) {
			parentId = teams.findByKey(request.parentKey())
				.orElseThrow(() -> new InvalidInputException("parentKey", "no team '" + request.parentKey() + "' exists"))
				.id();
		}
		var saved = teams.save(new Team(null, request.key(), request.name().strip(), parentId, null, clock.instant()));
		var view = view(saved, teamsById());
		events.publishEvent(new AuditableChange("team.created", view.key(), "Created team " + view.name(), null, view));
		return view;
	}

	public List<TeamView> teams() {
		var byId = teamsById();
		return teams.findAllByOrderByKey().stream().map(team -> view(team, byId)).toList();
	}

	public TeamView team(String key) {
		return findTeam(key).orElseThrow(() -> new NotFoundException("team", key));
	}

	public Optional<TeamView> findTeam(String key) {
		return teams.findByKey(key).map(team -> view(team, teamsById()));
	}

	public Optional<TeamView> findTeam(long id) {
		return teams.findById(id).map(team -> view(team, teamsById()));
	}

	/** Every team by id: the organisation is small enough to hold in one map. */
	public Map<Long, TeamView> teamIndex() {
		var byId = teamsById();
		return byId.values().stream().collect(Collectors.toMap(Team::id, team -> view(team, byId)));
	}

	@Transactional
	public PersonView createPerson(NewPerson request) {
		permissions.requireAdmin();
		if (people.findByUsername(request.username()).isPresent()) {
			throw new ConflictException("A person with username '" + request.username() + "' already exists.");
		}
		var memberships = new HashSet<Person.Membership>();
		var problems = new ArrayList<FieldProblem>();
		var requested = request.teams() == null ? List.<String>of() : request.teams();
		for (int i = 0; i < requested.size(); i++) {
			var team = teams.findByKey(requested.get(i));
			if (team.isEmpty()) {
				problems.add(new FieldProblem("teams[" + i + "]", "no team '" + requested.get(i) + "' exists"));
			}
			else {
				memberships.add(new Person.Membership(team.get().id()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var hash = request.password() == null ? null : passwords.encode(request.password());
		var email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
		var saved = people.save(new Person(null, request.username(), request.displayName().strip(), email,
				request.role(), hash, true, null, clock.instant(), memberships));
		var view = view(saved, teamsById());
		events.publishEvent(new AuditableChange("person.created", view.username(),
				"Created " + view.role() + " " + view.displayName(), null, view));
		return view;
	}

	public List<PersonView> people() {
		var byId = teamsById();
		return people.findAllByOrderByUsername().stream().map(person -> view(person, byId)).toList();
	}

	public PersonView person(String username) {
		return findPerson(username).orElseThrow(() -> new NotFoundException("person", username));
	}

	public Optional<PersonView> findPerson(String username) {
		return people.findByUsername(username).map(person -> view(person, teamsById()));
	}

	/**
	 * The one person with this e-mail address (case-insensitive, as addresses are in practice);
	 * empty when nobody or several people have it, since then it identifies no one.
	 */
	public Optional<PersonView> findPersonByEmail(String email) {
		var found = people.findAllByEmailIgnoreCase(email.strip());
		return found.size() == 1 ? Optional.of(view(found.get(0), teamsById())) : Optional.empty();
	}

	/** The active person signed in now, if any; the system acting alone has none. */
	public Optional<PersonView> signedIn() {
		return Actor.signedIn().flatMap(this::findPerson).filter(PersonView::active);
	}

	public Optional<PersonView> findPerson(long id) {
		return people.findById(id).map(person -> view(person, teamsById()));
	}

	/** Every person by id, for lists that show owners' names. */
	public Map<Long, PersonView> personIndex() {
		var byId = teamsById();
		return people.findAll().stream().collect(Collectors.toMap(Person::id, person -> view(person, byId)));
	}

	/** The stored password hash, for sign-in only. */
	public Optional<String> passwordHash(String username) {
		return people.findByUsername(username).filter(Person::active).map(Person::passwordHash);
	}

	public boolean hasPeople() {
		return people.count() > 0;
	}

	private Map<Long, Team> teamsById() {
		return teams.findAll().stream().collect(Collectors.toMap(Team::id, Function.identity()));
	}

	private static TeamView view(Team team, Map<Long, Team> byId) {
		var parent = team.parentId() == null ? null : byId.get(team.parentId());
		return new TeamView(team.id(), team.key(), team.name(), parent == null ? null : parent.key());
	}

	private static PersonView view(Person person, Map<Long, Team> byId) {
		var teamKeys = person.memberships().stream()
			.map(membership -> byId.get(membership.teamId()))
			.map(Team::key)
			.sorted()
			.toList();
		return new PersonView(person.id(), person.username(), person.displayName(), person.email(), person.role(),
				teamKeys, person.active());
	}
}
