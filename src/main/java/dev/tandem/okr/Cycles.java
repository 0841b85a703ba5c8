package dev.tandem.okr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.okr.OkrReader.Scope;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
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
	private final Permissions permissions;

	Cycles(CycleRepository cycles, OkrReader reader, OkrViews views, CycleClosing closing, Permissions permissions) {
		this.cycles = cycles;
		this.reader = reader;
		this.views = views;
		this.closing = closing;
		this.permissions = permissions;
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
			throw new ConflictException("A cycle named '" + period.name() + "' already exists.");
		}
		var saved = cycles.save(new Cycle(null, period.name(), period.start(), period.end(), null, null, null,
				views.now()));
		return views.cycle(saved);
	}

	/** Every cycle, earliest first; a year comes before the quarters it encloses. */
	public List<CycleView> list() {
		return cycles.findAllByOrderByStartDateAscEndDateDescIdAsc().stream().map(views::cycle).toList();
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
			throw new ConflictException("The cycle '" + cycle.name() + "' was already closed at " + cycle.closedAt() + ".");
		}
		if (views.today().isBefore(cycle.startDate())) {
			throw new ConflictException("The cycle '" + cycle.name() + "' has not started yet (it starts on "
					+ cycle.startDate() + "); there is nothing to grade.");
		}
		return views.cycle(closing.close(cycle));
	}

	/**
	 * Every objective of the cycle with its key results, scores and statuses: a fixed number of
	 * statements (the cycle, four for the objectives and what belongs to them, the cycles and
	 * teams they refer to, and the KPI health read once), however large the cycle.
	 */
	public CycleOverview overview(long id) {
		var cycle = cycle(id);
		var objectives = new ArrayList<>(views.objectives(reader.load(Scope.cycle(id))));
		objectives.sort(Comparator.comparing((ObjectiveView o) -> o.level().ordinal()).reversed()
			.thenComparing(ObjectiveView::team, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(ObjectiveView::id));
		Map<OkrStatus, Long> statuses = new TreeMap<>();
		objectives.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
		var score = objectives.stream().map(ObjectiveView::score).filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue).average();
		return new CycleOverview(views.cycle(cycle), score.isPresent() ? Scoring.round(score.getAsDouble()) : null,
				statuses, objectives);
	}

	Cycle cycle(long id) {
		return cycles.findById(id).orElseThrow(() -> new NotFoundException("cycle", id));
	}
}
