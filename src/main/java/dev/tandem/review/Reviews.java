package dev.tandem.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.Actor;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.org.TeamView;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.problem.Quoted;
import dev.tandem.review.ReviewStore.StoredDecision;
import dev.tandem.review.ReviewStore.StoredReview;

/** The review module's API for KPI reviews: holding one, its decisions, and each team's cadence. */
@Service
@Transactional(readOnly = true)
public class Reviews {

	private final ReviewStore store;
	private final AgendaBuilder agendas;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	Reviews(ReviewStore store, AgendaBuilder agendas, Organisation organisation, Permissions permissions,
			ApplicationEventPublisher events, Clock clock, ZoneId zone) {
		this.store = store;
		this.agendas = agendas;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** What a decision is made of, as typed in the meeting. */
	public record NewDecision(String action, String owner, LocalDate due) {
	}

	/** A change to a decision: only what is given changes; {@code version} is the one the change was made on. */
	public record DecisionChange(Boolean done, String action, String owner, LocalDate due, Long version) {
	}

	/** A team's review cadence and when its next review is due (today when it has never held one). */
	public record CadenceView(String team, ReviewCadence cadence, java.time.Instant lastReviewAt, LocalDate nextReviewDue) {
	}

	/** Holds a review now: builds the agenda from the data and keeps it as it stands. */
	@Transactional
	public ReviewView start(String teamKey) {
		var team = team(teamKey);
		permissions.requireEditorOf(team.id());
		var now = clock.instant();
		var last = store.lastBefore(team.id(), now.plusNanos(1));
		var built = last.isPresent() ? agendas.build(team, store.statuses(last.get().id()), last.get().heldAt())
				: agendas.build(team, null, AgendaBuilder.lookBack(now, cadenceOf(team.id())));
		long id = store.insertReview(team.id(), now, Actor.current(), built.agenda(), built.statuses());
		var view = get(id);
		events.publishEvent(new AuditableChange("review.held", String.valueOf(id), "Held the KPI review of team "
				+ team.key() + " (" + view.agenda().size() + " agenda items)", null, view));
		return view;
	}

	/** A decision as it was taken in a review held earlier; its due date may be past by now. */
	public record PastDecision(String action, String owner, LocalDate due, boolean done) {
	}

	/**
	 * A review held earlier, for the demo and imports: the agenda as the data stands now, kept
	 * with the earlier date, and its decisions as they were taken. Administrators only.
	 */
	@Transactional
	public ReviewView holdPast(String teamKey, java.time.Instant heldAt, String heldBy, List<PastDecision> decisions) {
		permissions.requireAdmin();
		var team = team(teamKey);
		var built = agendas.build(team, null, AgendaBuilder.lookBack(heldAt, cadenceOf(team.id())));
		long id = store.insertReview(team.id(), heldAt, heldBy, built.agenda(), built.statuses());
		for (var decision : decisions) {
			var owner = organisation.person(decision.owner());
			long decisionId = store.insertDecision(id, decision.action(), owner.id(), decision.due(), heldAt);
			if (decision.done()) {
				var stored = store.decision(decisionId).orElseThrow();
				store.updateDecision(new StoredDecision(decisionId, id, team.id(), stored.action(), owner.id(), stored.due(), true,
						heldAt.plus(java.time.Duration.ofDays(2)), stored.version(), stored.createdAt()), stored.version(), heldAt);
			}
		}
		var view = get(id);
		events.publishEvent(new AuditableChange("review.held", String.valueOf(id), "Recorded an earlier KPI review of team "
				+ team.key(), null, view));
		return view;
	}

	public ReviewView get(long id) {
		var review = review(id);
		var team = organisation.findTeam(review.teamId()).map(TeamView::key).orElse(null);
		return new ReviewView(review.id(), team, review.heldAt(), review.heldBy(), store.agenda(id),
				views(store.decisionsOf(id)));
	}

	/** The reviews held, newest first, of one team or all. */
	public List<ReviewSummary> list(String teamKey, int limit, int offset) {
		var teamId = teamKey == null || teamKey.isBlank() ? null : team(teamKey).id();
		var reviews = store.list(teamId, limit, offset);
		var ids = reviews.stream().map(StoredReview::id).toList();
		var sizes = store.agendaSizes(ids);
		var counts = store.decisionCounts(ids);
		var teams = organisation.teamIndex();
		return reviews.stream()
			.map(r -> new ReviewSummary(r.id(), teams.containsKey(r.teamId()) ? teams.get(r.teamId()).key() : null,
					r.heldAt(), r.heldBy(), sizes.get(r.id()), counts.get(r.id())[0], counts.get(r.id())[1]))
			.toList();
	}

	@Transactional
	public DecisionView decide(long reviewId, NewDecision decision) {
		var review = review(reviewId);
		permissions.requireEditorOf(review.teamId());
		var problems = new ArrayList<FieldProblem>();
		var action = action(decision.action(), problems);
		var owner = owner(decision.owner(), problems);
		var due = due(decision.due(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insertDecision(reviewId, action, owner.id(), due, clock.instant());
		var view = decision(id);
		events.publishEvent(new AuditableChange("decision.created", String.valueOf(id),
				"Decided in review " + reviewId + ": " + Quoted.of(action) + ", " + owner.username() + " by " + due, null, view));
		return view;
	}

	@Transactional
	public DecisionView update(long id, DecisionChange change) {
		var stored = store.decision(id).orElseThrow(() -> new NotFoundException("Decision", id));
		if (!permissions.mayRecord(stored.teamId(), stored.ownerId())) {
			throw new ForbiddenException("Only the decision's owner, an editor of the team or an administrator may change it.");
		}
		if (change.version() == null) {
			throw new InvalidInputException("version", "give the version you read (GET /api/reviews/{id}), so that a "
					+ "change made meanwhile is not overwritten");
		}
		var before = view(stored);
		if (change.version() != stored.version()) {
			throw stale(stored);
		}
		var problems = new ArrayList<FieldProblem>();
		var action = change.action() == null ? stored.action() : action(change.action(), problems);
		long ownerId = stored.ownerId();
		if (change.owner() != null) {
			var owner = owner(change.owner(), problems);
			ownerId = owner == null ? ownerId : owner.id();
		}
		var due = change.due() == null || change.due().equals(stored.due()) ? stored.due() : due(change.due(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean done = change.done() == null ? stored.done() : change.done();
		var doneAt = done == stored.done() ? stored.doneAt() : done ? clock.instant() : null;
		var changed = new StoredDecision(id, stored.reviewId(), stored.teamId(), action, ownerId, due, done, doneAt,
				stored.version(), stored.createdAt());
		if (!store.updateDecision(changed, stored.version(), clock.instant())) {
			throw stale(store.decision(id).orElse(stored));
		}
		var after = decision(id);
		events.publishEvent(new AuditableChange(done && !stored.done() ? "decision.done" : "decision.updated",
				String.valueOf(id), (done && !stored.done() ? "Done: " : "Changed the decision ") + Quoted.of(action), before,
				after));
		return after;
	}

	public DecisionView decision(long id) {
		return view(store.decision(id).orElseThrow(() -> new NotFoundException("Decision", id)));
	}

	/** The open decisions a person owns, soonest due first. */
	public List<DecisionView> openDecisionsOf(String username) {
		return organisation.findPerson(username).map(person -> views(store.openDecisionsOf(person.id()))).orElse(List.of());
	}

	public CadenceView cadence(String teamKey) {
		var team = team(teamKey);
		var cadence = cadenceOf(team.id());
		var last = store.lastBefore(team.id(), clock.instant().plusNanos(1));
		var today = LocalDate.now(clock.withZone(zone));
		var next = last.map(r -> r.heldAt().atZone(zone).toLocalDate().plusDays(cadence.days())).orElse(today);
		return new CadenceView(team.key(), cadence, last.map(StoredReview::heldAt).orElse(null), next);
	}

	@Transactional
	public CadenceView setCadence(String teamKey, ReviewCadence cadence) {
		var team = team(teamKey);
		permissions.requireEditorOf(team.id());
		if (cadence == null) {
			throw new InvalidInputException("cadence", "say how often the team reviews its KPIs: WEEKLY or BIWEEKLY");
		}
		var before = cadence(teamKey);
		store.saveCadence(team.id(), cadence, clock.instant());
		var after = cadence(teamKey);
		events.publishEvent(new AuditableChange("review.cadence", team.key(),
				"Team " + team.key() + " reviews its KPIs " + cadence.name().toLowerCase(), before, after));
		return after;
	}

	ReviewCadence cadenceOf(long teamId) {
		return store.cadence(teamId).orElse(ReviewCadence.WEEKLY);
	}

	private List<DecisionView> views(List<StoredDecision> decisions) {
		if (decisions.isEmpty()) {
			return List.of();
		}
		var usernames = organisation.usernames(decisions.stream().map(StoredDecision::ownerId).distinct().toList());
		var teams = organisation.teamIndex();
		var today = LocalDate.now(clock.withZone(zone));
		return decisions.stream().map(d -> view(d, usernames, teams, today)).toList();
	}

	private DecisionView view(StoredDecision d) {
		return views(List.of(d)).get(0);
	}

	private static DecisionView view(StoredDecision d, Map<Long, String> usernames, Map<Long, TeamView> teams,
			LocalDate today) {
		return new DecisionView(d.id(), d.reviewId(), teams.containsKey(d.teamId()) ? teams.get(d.teamId()).key() : null,
				d.action(), usernames.get(d.ownerId()), d.due(), d.done(), !d.done() && d.due().isBefore(today), d.doneAt(),
				d.version(), d.createdAt());
	}

	private static String action(String action, List<FieldProblem> problems) {
		if (action == null || action.isBlank()) {
			problems.add(new FieldProblem("action", "say what is to be done"));
			return null;
		}
		if (action.strip().length() > 1000) {
			problems.add(new FieldProblem("action", "keep it to 1000 characters"));
			return null;
		}
		return action.strip();
	}

	private PersonView owner(String username, List<FieldProblem> problems) {
		if (username == null || username.isBlank()) {
			problems.add(new FieldProblem("owner", "name the person who carries it out, by username"));
			return null;
		}
		var person = organisation.findPerson(username.strip()).filter(PersonView::active);
		if (person.isEmpty()) {
			problems.add(new FieldProblem("owner", "no active person " + Quoted.of(username.strip())
					+ " exists: name the owner by their username (GET /api/people)"));
			return null;
		}
		return person.get();
	}

	private LocalDate due(LocalDate due, List<FieldProblem> problems) {
		var today = LocalDate.now(clock.withZone(zone));
		if (due == null) {
			problems.add(new FieldProblem("due", "give the date it is due (YYYY-MM-DD)"));
		}
		else if (due.isBefore(today)) {
			problems.add(new FieldProblem("due", due + " is in the past: give today (" + today + ") or a later date"));
		}
		return due;
	}

	private static ConflictException stale(StoredDecision current) {
		return new ConflictException("The decision " + Quoted.of(current.action()) + " is at version " + current.version()
				+ ", not the one you changed; reload it and apply your change again.");
	}

	private StoredReview review(long id) {
		return store.review(id).orElseThrow(() -> new NotFoundException("Review", id));
	}

	private TeamView team(String key) {
		return organisation.findTeam(key).orElseThrow(() -> new NotFoundException("Team", key));
	}
}
