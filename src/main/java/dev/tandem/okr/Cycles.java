package dev.tandem.okr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.okr.OkrReader.Scope;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/**
 * Cycles: created, listed, closed, and seen whole. Cycles are organisation-wide — every team's
 * objectives live in them, and closing one freezes every team's grades — so creating and
 * closing a cycle is for administrators.
 */
@Service
@Transactional(readOnly = true)
public class Cycles {

	private final CycleRepository cycles;
	private final OkrReader reader;
	private final OkrViews views;
	private final CycleClosing closing;
	private final CycleDates dates;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final CheckInStore checkInStore;

	Cycles(CycleRepository cycles, OkrReader reader, OkrViews views, CycleClosing closing, CycleDates dates,
			Permissions permissions, ApplicationEventPublisher events, CheckInStore checkInStore) {
		this.cycles = cycles;
		this.reader = reader;
		this.views = views;
		this.closing = closing;
		this.dates = dates;
		this.permissions = permissions;
		this.events = events;
		this.checkInStore = checkInStore;
	}

	@Transactional
	public CycleView create(NewCycle request) {
		permissions.requireAdmin();
		var problems = new ArrayList<FieldProblem>();
		var period = CyclePeriods.resolve(request, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (cycles.findByName(period.name()).isPresent()) {
			throw new ConflictException("A cycle named " + Quoted.of(period.name()) + " already exists.");
		}
		var saved = views.cycle(cycles.save(new Cycle(null, period.name(), period.start(), period.end(), null, null,
				null, views.now())));
		events.publishEvent(new AuditableChange("cycle.created", String.valueOf(saved.id()),
				"Created cycle " + saved.name() + " (" + saved.start() + " to " + saved.end() + ")", null, saved));
		return saved;
	}

	/**
	 * Renames the cycle or moves its dates while it is open. New dates must keep every
	 * alignment across cycles valid and every check-in inside the cycle; otherwise 409.
	 */
	@Transactional
	public CycleView update(long id, CycleChange change, Long expectedVersion) {
		permissions.requireAdmin();
		var existing = cycle(id);
		var version = expectedVersion != null ? expectedVersion : change.version();
		if (version != null && !version.equals(existing.version())) {
			throw new ConflictException("The cycle " + Quoted.of(existing.name()) + " is at version " + existing.version() + ", not " + version
					+ "; reload it and apply your change again.");
		}
		existing.requireOpen();
		var problems = new ArrayList<FieldProblem>();
		var period = CyclePeriods.resolve(NewCycle.custom(change.name(), change.start(), change.end()), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		cycles.findByName(period.name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
			throw new ConflictException("A cycle named " + Quoted.of(period.name()) + " already exists.");
		});
		if (!period.start().equals(existing.startDate()) || !period.end().equals(existing.endDate())) {
			dates.requireMovable(existing, period.start(), period.end());
		}
		var before = views.cycle(existing);
		var after = views.cycle(cycles.save(existing.rescheduled(period.name(), period.start(), period.end())));
		events.publishEvent(new AuditableChange("cycle.updated", String.valueOf(id), "Changed cycle " + after.name(),
				before, after));
		return after;
	}

	/** Every cycle, earliest first; a year comes before the quarters it encloses. */
	public List<CycleView> list() {
		return cycles.findAllByOrderByStartDateAscEndDateDescIdAsc().stream().map(views::cycle).toList();
	}

	/** How many objectives each cycle holds, by cycle id; a cycle with none is absent. */
	public Map<Long, Integer> objectiveCounts() {
		return reader.objectiveCounts();
	}

	public CycleView get(long id) {
		return views.cycle(cycle(id));
	}

	/** Freezes the cycle's scores, ends its KPI links and refuses further check-ins. */
	@Transactional
	public CycleView close(long id) {
		permissions.requireAdmin();
		var cycle = cycle(id);
		if (cycle.closed()) {
			throw new ConflictException("The cycle " + Quoted.of(cycle.name()) + " was already closed at " + cycle.closedAt() + ".");
		}
		if (views.today().isBefore(cycle.startDate())) {
			throw new ConflictException("The cycle " + Quoted.of(cycle.name()) + " has not started yet (it starts on "
					+ cycle.startDate() + "); there is nothing to grade.");
		}
		var before = views.cycle(cycle);
		var after = views.cycle(closing.close(cycle));
		events.publishEvent(new AuditableChange("cycle.closed", String.valueOf(id),
				"Closed cycle " + after.name() + "; its scores are frozen", before, after));
		return after;
	}

	/**
	 * Every objective of the cycle with its key results, scores and statuses: a fixed number of
	 * statements (the cycle, four for the objectives and what belongs to them, the cycles and
	 * teams they refer to, and the KPI health read once), however large the cycle.
	 */
	public CycleOverview overview(long id) {
		var cycle = cycle(id);
		var objectives = new ArrayList<>(views.objectives(reader.summary(Scope.cycle(id))));
		objectives.sort(Comparator.comparing((ObjectiveView o) -> o.level().ordinal()).reversed()
			.thenComparing(ObjectiveView::team, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(ObjectiveView::id));
		Map<OkrStatus, Long> statuses = new TreeMap<>();
		objectives.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
		var score = objectives.stream().map(ObjectiveView::score).filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue).average();
		return new CycleOverview(views.cycle(cycle), score.isPresent() ? Scoring.round(score.getAsDouble()) : null,
				statuses, objectives.stream().map(OverviewObjective::of).toList());
	}

	/** A cycle's check-ins, newest first. */
	public List<CycleCheckIn> checkIns(long id, int limit, int offset) {
		cycle(id);
		return checkInStore.ofCycle(id, limit, offset);
	}

	/** The latest check-in of each of a cycle's key results that has one, by key result id. */
	public Map<Long, CheckInView> latestCheckIns(long id) {
		cycle(id);
		return checkInStore.latestOfCycle(id);
	}

	Cycle cycle(long id) {
		return cycles.findById(id).orElseThrow(() -> new NotFoundException("cycle", id));
	}
}
