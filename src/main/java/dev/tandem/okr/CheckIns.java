package dev.tandem.okr;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.Actor;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.InvalidInputException;

/**
 * Check-ins: recorded by a key result's owner or an editor of its team while the cycle is open,
 * each with a snapshot of the key result's baseline and target. A KPI-linked key result's
 * check-in takes the KPI's latest period value when none is given: updating should cost a
 * confidence and a sentence, not a lookup.
 */
@Service
@Transactional(readOnly = true)
public class CheckIns {

	/** Clocks differ a little between a client and the server. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final KeyResults keyResults;
	private final Objectives objectives;
	private final CheckInStore store;
	private final OkrViews views;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;

	CheckIns(KeyResults keyResults, Objectives objectives, CheckInStore store, OkrViews views, Permissions permissions,
			ApplicationEventPublisher events) {
		this.keyResults = keyResults;
		this.objectives = objectives;
		this.store = store;
		this.views = views;
		this.permissions = permissions;
		this.events = events;
	}

	@Transactional
	public CheckInView record(long keyResultId, CheckInInput input) {
		var kr = keyResults.row(keyResultId);
		var objective = objectives.objective(kr.objectiveId());
		var cycle = objectives.cycle(objective);
		permissions.requireRecorderOf(objective.teamId(), kr.ownerId());
		if (cycle.closed()) {
			throw new ConflictException("The cycle " + Quoted.of(cycle.name()) + " was closed at " + cycle.closedAt()
					+ "; its key results are graded and take no more check-ins.");
		}
		if (!objective.active()) {
			throw new ConflictException("The objective " + Quoted.of(objective.title())
					+ " is still a draft; activate it before checking in.");
		}
		var now = views.now();
		var at = input.at() == null ? now : input.at();
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			throw new InvalidInputException("at", "must not be in the future");
		}
		if (input.at() != null && at.isBefore(cycle.window(views.zone()).start())) {
			throw new InvalidInputException("at", "must not be before the cycle starts (" + cycle.startDate() + ")");
		}
		var value = value(kr, input);
		var source = kr.type() == KeyResultType.MILESTONE ? null : input.value() != null ? ValueSource.CHECK_IN : ValueSource.KPI;
		long id = store.insert(new CheckInStore.NewCheckIn(keyResultId, at, value, source, input.done(),
				input.confidence(), Objectives.blankToNull(input.changed()), Objectives.blankToNull(input.learned()),
				Objectives.blankToNull(input.blockers()), Objectives.blankToNull(input.decision()), kr.baseline(),
				kr.target(), Actor.current(), now));
		var after = keyResults.view(keyResultId);
		boolean reached = kr.type() == KeyResultType.MILESTONE ? Boolean.TRUE.equals(after.done()) : after.reachedTarget();
		events.publishEvent(new CheckInRecorded(id, keyResultId, objective.id(), cycle.id(), at, value, input.done(),
				input.confidence(), kr.kpiKey(), reached));
		var recorded = store.one(id);
		events.publishEvent(new AuditableChange("check-in.recorded", String.valueOf(keyResultId),
				"Checked in on key result '" + kr.title() + "': " + (value != null ? OkrHistory.text(value)
						: Boolean.TRUE.equals(input.done()) ? "done" : "not done") + ", confidence " + input.confidence(),
				null, recorded));
		return recorded;
	}

	public List<CheckInView> list(long keyResultId, int limit, int offset) {
		keyResults.row(keyResultId);
		return store.of(keyResultId, limit, offset);
	}

	/** A check-in ready to complete: the value the KPI (or else the last check-in) says, the last confidence. */
	public CheckInDraft draft(long keyResultId) {
		var kr = keyResults.row(keyResultId);
		var health = kr.kpiKey() == null ? null : views.health(Set.of(kr.kpiKey())).get(kr.kpiKey());
		Double value = null;
		ValueSource source = null;
		if (kr.type() == KeyResultType.METRIC) {
			if (health != null && health.value() != null) {
				value = health.value();
				source = ValueSource.KPI;
			}
			else if (kr.lastValue() != null) {
				value = kr.lastValue();
				source = ValueSource.CHECK_IN;
			}
		}
		return new CheckInDraft(kr.id(), kr.title(), kr.type(), value, source, kr.kpiKey(),
				source == ValueSource.KPI ? health.periodStart() : null,
				kr.type() == KeyResultType.MILESTONE ? kr.done() : null, kr.lastConfidence(), kr.baseline(), kr.target(),
				kr.unit());
	}

	public List<ConfidenceLevel> rubric() {
		return ConfidenceRubric.LEVELS;
	}

	/** The value to record: a milestone has none; a metric's is given, or a linked one's comes from its KPI. */
	private Double value(OkrReader.KeyResultRow kr, CheckInInput input) {
		if (kr.type() == KeyResultType.MILESTONE) {
			if (input.value() != null) {
				throw new InvalidInputException("value", "a milestone takes done (true or false), not a value");
			}
			if (input.done() == null) {
				throw new InvalidInputException("done", "is required for a milestone (true or false)");
			}
			return null;
		}
		if (input.done() != null) {
			throw new InvalidInputException("done", "is for milestones; a metric takes a value");
		}
		if (input.value() != null) {
			if (!Double.isFinite(input.value())) {
				throw new InvalidInputException("value", "must be a finite number");
			}
			return input.value();
		}
		var health = kr.kpiKey() == null ? null : views.health(Set.of(kr.kpiKey())).get(kr.kpiKey());
		if (health == null || health.value() == null) {
			throw new InvalidInputException("value", kr.kpiKey() == null ? "is required for a metric key result"
					: "is required: the KPI " + Quoted.named(kr.kpiKey(), views.kpiName(kr.kpiKey())) + " has no value to take");
		}
		return health.value();
	}
}
