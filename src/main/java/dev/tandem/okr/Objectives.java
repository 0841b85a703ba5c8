package dev.tandem.okr;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.okr.OkrReader.Scope;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.problem.Quoted;

/**
 * Objectives: written by the editors of their team, read by everyone. An objective in a closed
 * cycle is frozen: only its retrospective may still be written, and it may be carried over.
 */
@Service
@Transactional(readOnly = true)
public class Objectives {

	private final ObjectiveRepository objectives;
	private final KeyResultRepository keyResults;
	private final CycleRepository cycles;
	private final ObjectiveRules rules;
	private final OkrReader reader;
	private final OkrViews views;
	private final OkrHistory history;
	private final ObjectiveFields fields;
	private final ImprovingMarks marks;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final ObjectiveGuardrails guardrails;
	private final CarryOver carryOver;

	Objectives(ObjectiveRepository objectives, KeyResultRepository keyResults, CycleRepository cycles,
			ObjectiveRules rules, OkrReader reader, OkrViews views, OkrHistory history, ObjectiveFields fields,
			ImprovingMarks marks, Organisation organisation, Permissions permissions, ApplicationEventPublisher events,
			ObjectiveGuardrails guardrails, CarryOver carryOver) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.cycles = cycles;
		this.rules = rules;
		this.reader = reader;
		this.views = views;
		this.history = history;
		this.fields = fields;
		this.marks = marks;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
		this.guardrails = guardrails;
		this.carryOver = carryOver;
	}

	@Transactional
	public ObjectiveView create(ObjectiveInput input) {
		var resolved = rules.resolve(input);
		permissions.requireEditorOf(resolved.team().id());
		resolved.cycle().requireOpen();
		rules.check(input, null, resolved);
		var now = views.now();
		var saved = objectives.save(new Objective(null, resolved.cycle().id(), resolved.team().id(),
				resolved.owner().id(), resolved.owner().username(), input.title().strip(), blankToNull(input.description()),
				input.level(), input.commitment(), input.stateOrDefault(), input.parentId(), null, null,
				contributions(input.contributions()), Set.of(), null, now, now));
		history.record(saved.id(), null, now, "created", null, saved.title());
		if (saved.active()) {
			events.publishEvent(new ObjectiveActivated(saved.id(), saved.cycleId(), saved.teamId()));
		}
		var view = get(saved.id());
		audit("objective.created", view, "Created " + view.state() + " objective '" + view.title() + "'", null, view);
		return view;
	}

	public ObjectiveView get(long id) {
		var found = views.objectives(reader.load(Scope.objective(id)));
		if (found.isEmpty()) {
			throw new NotFoundException("objective", id);
		}
		return found.get(0).withCarriedInto(reader.carriedInto(id));
	}

	/** A page of objectives by id, optionally of one cycle and of one team (by key). */
	public List<ObjectiveView> list(Long cycleId, String teamKey, int limit, int offset) {
		Long teamId = null;
		if (teamKey != null) {
			teamId = organisation.findTeam(teamKey)
				.orElseThrow(() -> new InvalidInputException("team", "no team " + Quoted.of(teamKey) + " exists")).id();
		}
		if (cycleId != null && cycles.findById(cycleId).isEmpty()) {
			throw new InvalidInputException("cycle", "no cycle " + cycleId + " exists");
		}
		return views.objectives(reader.load(Scope.page(cycleId, teamId, limit, offset)));
	}

	/**
	 * At most {@code limit} objectives whose title contains the text, those starting with it first:
	 * a picker's matches. With a cycle, only those an objective of it may align to (its own and
	 * enclosing cycles'); {@code except}, when given, is left out. Reads titles, not whole objectives.
	 */
	public List<ObjectiveName> search(String text, Long cycleId, Long except, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return named(reader.search(text, cycleId, except, limit));
	}

	/** The objectives with these ids as a picker names them, by id; unknown ids are left out. */
	public java.util.Map<Long, ObjectiveName> names(java.util.Collection<Long> ids) {
		var known = ids.stream().filter(Objects::nonNull).toList();
		if (known.isEmpty()) {
			return java.util.Map.of();
		}
		return named(List.copyOf(reader.names(known).values())).stream()
			.collect(Collectors.toMap(ObjectiveName::id, name -> name));
	}

	private List<ObjectiveName> named(List<OkrReader.NameRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		var teams = organisation.teamIndex();
		return rows.stream().map(row -> {
			var team = teams.get(row.teamId());
			return new ObjectiveName(row.id(), row.title(), team == null ? null : team.key(),
					team == null ? null : team.name(), row.level(), row.cycleId(), row.cycleName());
		}).toList();
	}

	@Transactional
	public ObjectiveView update(long id, ObjectiveInput input, Long expectedVersion) {
		var existing = objective(id);
		var version = expectedVersion != null ? expectedVersion : input.version();
		if (version != null && !version.equals(existing.version())) {
			throw new ConflictException("The objective " + Quoted.of(existing.title()) + " is at version " + existing.version() + ", not " + version
					+ "; reload it and apply your change again.");
		}
		permissions.requireEditorOf(existing.teamId());
		var resolved = rules.resolve(input);
		permissions.requireEditorOf(resolved.team().id());
		cycle(existing).requireOpen();
		rules.check(input, existing, resolved);
		var before = fields.of(existing);
		var beforeView = get(id);
		var now = views.now();
		var state = input.state() == null ? existing.state() : input.state();
		var saved = objectives.save(new Objective(id, existing.cycleId(), resolved.team().id(), resolved.owner().id(),
				resolved.owner().username(), input.title().strip(), blankToNull(input.description()), input.level(),
				input.commitment(), state, input.parentId(), existing.carriedFromId(), existing.retrospective(),
				contributions(input.contributions()), existing.guardrails(), existing.version(), existing.createdAt(),
				now));
		history.changes(id, null, before, fields.of(saved), now);
		if (!existing.active() && saved.active()) {
			activated(saved);
		}
		var after = get(id);
		audit("objective.updated", after, "Changed objective '" + after.title() + "'", beforeView, after);
		return after;
	}

	/** Turns a draft into an active objective; an active one stays as it is. */
	@Transactional
	public ObjectiveView activate(long id) {
		var existing = objective(id);
		permissions.requireEditorOf(existing.teamId());
		cycle(existing).requireOpen();
		if (existing.active()) {
			return get(id);
		}
		var before = get(id);
		var now = views.now();
		var saved = objectives.save(existing.withState(ObjectiveState.ACTIVE, now));
		history.record(id, null, now, "state", ObjectiveState.DRAFT.name(), ObjectiveState.ACTIVE.name());
		activated(saved);
		var after = get(id);
		audit("objective.activated", after, "Activated objective '" + after.title() + "'", before, after);
		return after;
	}

	/** Removes an objective and its key results; refused while other objectives point at it. */
	@Transactional
	public void delete(long id) {
		var existing = objective(id);
		permissions.requireEditorOf(existing.teamId());
		cycle(existing).requireOpen();
		var dependants = dependantTitles(id);
		if (!dependants.isEmpty()) {
			throw new ConflictException(dependantsRefusal(dependants, Quoted.of(existing.title())));
		}
		var linked = keyResults.findAllByObjectiveIdOrderBySortOrderAscIdAsc(id).stream()
			.filter(kr -> kr.kpiKey() != null).toList();
		var before = get(id);
		objectives.deleteById(id);
		audit("objective.deleted", before, "Deleted objective '" + before.title() + "'", before, null);
		linked.forEach(kr -> events.publishEvent(new KeyResultUnlinked(kr.id(), id, kr.kpiKey())));
		marks.sync(linked.stream().map(KeyResult::kpiKey).toList());
	}

	/**
	 * The objectives that align to, contribute to, or were carried over from this one: while any
	 * exist it cannot be deleted.
	 */
	public List<String> dependantTitles(long id) {
		return reader.titlesInIdOrder(reader.dependants(id));
	}

	/** Why an objective with dependants cannot go, naming them; {@code objective} names the one refused. */
	public static String dependantsRefusal(List<String> dependants, String objective) {
		return (dependants.size() == 1 ? "The objective " + Quoted.all(dependants) + " aligns to, contributes to or was"
				: "The objectives " + Quoted.all(dependants) + " align to, contribute to or were")
				+ " carried over from " + objective + "; change " + (dependants.size() == 1 ? "it" : "them") + " first.";
	}

	/** Replaces the objective's guardrail KPIs; returns them with their health. */
	@Transactional
	public List<GuardrailView> guardrails(long id, List<String> kpiKeys) {
		var existing = objective(id);
		permissions.requireEditorOf(existing.teamId());
		var cycle = cycle(existing);
		cycle.requireOpen();
		return guardrails.replace(existing, cycle, kpiKeys);
	}

	/** The retrospective note: written by the owner or an editor, also (above all) once the cycle is closed. */
	@Transactional
	public ObjectiveView retrospective(long id, String note) {
		var existing = objective(id);
		permissions.requireRecorderOf(existing.teamId(), existing.ownerId());
		var now = views.now();
		var saved = objectives.save(existing.withRetrospective(blankToNull(note), now));
		history.changes(id, null, fields.of(existing), fields.of(saved), now);
		events.publishEvent(new AuditableChange("objective.retrospective-written", String.valueOf(id),
				"Retrospective of objective '" + saved.title() + "'", existing.retrospective(), saved.retrospective()));
		return get(id);
	}

	/** A new objective in a later cycle with this one's open key results, their last values as baselines. */
	@Transactional
	public ObjectiveView carryOver(long id, long cycleId) {
		var source = objective(id);
		permissions.requireEditorOf(source.teamId());
		var from = cycle(source);
		var target = carryOver.target(source, from, cycleId);
		var carried = get(carryOver.carry(source, from, target).id());
		audit("objective.carried-over", carried, "Carried objective '" + source.title() + "' over from "
				+ from.name() + " into " + target.name(), null, carried);
		return carried;
	}

	public List<OkrChange> history(long id) {
		objective(id);
		return history.ofObjective(id);
	}

	Objective objective(long id) {
		return objectives.findById(id).orElseThrow(() -> new NotFoundException("objective", id));
	}

	Cycle cycle(Objective objective) {
		return cycles.findById(objective.cycleId()).orElseThrow();
	}

	private void audit(String type, ObjectiveView subject, String summary, ObjectiveView before, ObjectiveView after) {
		events.publishEvent(new AuditableChange(type, String.valueOf(subject.id()), summary, before, after));
	}

	private void activated(Objective objective) {
		events.publishEvent(new ObjectiveActivated(objective.id(), objective.cycleId(), objective.teamId()));
		marks.sync(keyResults.findAllByObjectiveIdOrderBySortOrderAscIdAsc(objective.id()).stream()
			.map(KeyResult::kpiKey).filter(Objects::nonNull).toList());
	}

	private static Set<Objective.Contribution> contributions(List<Long> ids) {
		return ids.stream().map(Objective.Contribution::new).collect(Collectors.toSet());
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
