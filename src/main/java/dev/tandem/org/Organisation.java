package dev.tandem.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
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
	private final JdbcClient jdbc;

	Organisation(TeamRepository teams, PersonRepository people, PasswordEncoder passwords, Permissions permissions,
			ApplicationEventPublisher events, Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
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
			throw new ConflictException("A team with key " + Quoted.of(request.key()) + " already exists.");
		}
		Long parentId = null;
		if (request.parentKey() != null) {
			parentId = teams.findByKey(request.parentKey())
				.orElseThrow(() -> new InvalidInputException("parentKey", "no team " + Quoted.of(request.parentKey()) + " exists"))
				.id();
		}
		var saved = teams.save(new Team(null, request.key(), request.name().strip(), parentId, null, clock.instant()));
		var view = view(saved);
		events.publishEvent(new AuditableChange("team.created", view.key(), "Created team " + view.name(), null, view));
		return view;
	}

	public List<TeamView> teams() {
		return teamIndex().values().stream().sorted(Comparator.comparing(TeamView::key)).toList();
	}

	public TeamView team(String key) {
		return findTeam(key).orElseThrow(() -> new NotFoundException("team", key));
	}

	public Optional<TeamView> findTeam(String key) {
		return teams.findByKey(key).map(this::view);
	}

	public Optional<TeamView> findTeam(long id) {
		return teams.findById(id).map(this::view);
	}

	/**
	 * Every team by id: the organisation is small enough to hold in one map. Read with one plain
	 * query, since views of whole cycles and dashboards ask for it on every request.
	 */
	public Map<Long, TeamView> teamIndex() {
		var index = new HashMap<Long, TeamView>();
		jdbc.sql("select t.id, t.slug, t.name, p.slug from team t left join team p on p.id = t.parent_id")
			.query(rs -> {
				index.put(rs.getLong(1), new TeamView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return index;
	}

	@Transactional
	public PersonView createPerson(NewPerson request) {
		permissions.requireAdmin();
		if (people.findByUsername(request.username()).isPresent()) {
			throw new ConflictException("A person with username " + Quoted.of(request.username()) + " already exists.");
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
		var view = view(saved, teamKeys(saved));
		events.publishEvent(new AuditableChange("person.created", view.username(),
				"Created " + view.role() + " " + view.displayName(), null, view));
		return view;
	}

	public List<PersonView> people() {
		var keys = allTeamKeys();
		return people.findAllByOrderByUsername().stream().map(person -> view(person, keys)).toList();
	}

	public PersonView person(String username) {
		return findPerson(username).orElseThrow(() -> new NotFoundException("person", username));
	}

	public Optional<PersonView> findPerson(String username) {
		return people.findByUsername(username).map(person -> view(person, teamKeys(person)));
	}

	/**
	 * The one person with this e-mail address (case-insensitive, as addresses are in practice);
	 * empty when nobody or several people have it, since then it identifies no one.
	 */
	public Optional<PersonView> findPersonByEmail(String email) {
		var found = people.findAllByEmailIgnoreCase(email.strip());
		return found.size() == 1 ? Optional.of(view(found.get(0), teamKeys(found.get(0)))) : Optional.empty();
	}

	/** The active person signed in now, if any; the system acting alone has none. */
	public Optional<PersonView> signedIn() {
		return Actor.signedIn().flatMap(this::findPerson).filter(PersonView::active);
	}

	public Optional<PersonView> findPerson(long id) {
		return people.findById(id).map(person -> view(person, teamKeys(person)));
	}

	/** Every person by id, for lists that show owners' names. */
	public Map<Long, PersonView> personIndex() {
		// two plain queries: loading thousands of Person aggregates costs a query of memberships each
		var keys = allTeamKeys();
		var memberships = new HashMap<Long, List<String>>();
		jdbc.sql("select person_id, team_id from team_member").query(rs -> {
			memberships.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(keys.get(rs.getLong(2)));
		});
		var index = new HashMap<Long, PersonView>();
		jdbc.sql("select id, username, display_name, email, role, active from person").query(rs -> {
			long id = rs.getLong(1);
			var teamKeys = memberships.getOrDefault(id, List.of()).stream().sorted().toList();
			index.put(id, new PersonView(id, rs.getString(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)),
					teamKeys, rs.getBoolean(6)));
		});
		return index;
	}

	/** The usernames of the people with these ids, by id, in one statement per thousand ids. */
	public Map<Long, String> usernames(Collection<Long> ids) {
		var usernames = new HashMap<Long, String>();
		var all = List.copyOf(new HashSet<>(ids));
		for (int i = 0; i < all.size(); i += 1_000) {
			jdbc.sql("select id, username from person where id in (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1_000)))
				.query(rs -> {
					usernames.put(rs.getLong(1), rs.getString(2));
				});
		}
		return usernames;
	}

	/**
	 * At most {@code limit} active people whose username or display name contains the text
	 * (case-insensitive, taken literally), those starting with it first, then by display name.
	 */
	public List<PersonName> searchActivePeople(String text, int limit) {
		var literal = text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
			.replace("_", "!_");
		return jdbc.sql("""
				select username, display_name from person
				where active and (lower(username) like :infix escape '!' or lower(display_name) like :infix escape '!')
				order by case when lower(username) like :prefix escape '!' or lower(display_name) like :prefix escape '!'
				  then 0 else 1 end, lower(display_name), username
				limit :limit""")
			.param("infix", "%" + literal + "%")
			.param("prefix", literal + "%")
			.param("limit", limit)
			.query((rs, n) -> new PersonName(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The stored password hash, for sign-in only. */
	public Optional<String> passwordHash(String username) {
		return people.findByUsername(username).filter(Person::active).map(Person::passwordHash);
	}

	public boolean hasPeople() {
		return people.count() > 0;
	}

	/** The keys of the person's teams: one lookup of just those, not of the whole organisation. */
	private Map<Long, String> teamKeys(Person person) {
		return person.memberships().isEmpty() ? Map.of()
				: teamKeys(person.memberships().stream().map(Person.Membership::teamId).toList());
	}

	private Map<Long, String> allTeamKeys() {
		return teamKeys(jdbc.sql("select id, slug from team"));
	}

	private Map<Long, String> teamKeys(Collection<Long> ids) {
		return teamKeys(jdbc.sql("select id, slug from team where id in (:ids)").param("ids", ids));
	}

	private static Map<Long, String> teamKeys(JdbcClient.StatementSpec query) {
		var keys = new HashMap<Long, String>();
		query.query(rs -> {
			keys.put(rs.getLong(1), rs.getString(2));
		});
		return keys;
	}

	private TeamView view(Team team) {
		var parentKey = team.parentId() == null ? null : teamKeys(List.of(team.parentId())).get(team.parentId());
		return new TeamView(team.id(), team.key(), team.name(), parentKey);
	}

	private static PersonView view(Person person, Map<Long, String> keysById) {
		var teamKeys = person.memberships().stream()
			.map(membership -> keysById.get(membership.teamId()))
			.sorted()
			.toList();
		return new PersonView(person.id(), person.username(), person.displayName(), person.email(), person.role(),
				teamKeys, person.active());
	}
}
