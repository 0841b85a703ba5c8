package dev.tandem.okr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.Quoted;

/**
 * The rules of line of sight. An objective aligns to one primary parent and may contribute to
 * objectives of other teams. Every objective it points to must exist, sit in the same cycle or
 * one that encloses it (a quarter's objective may serve the year's), and sit at its level or
 * above (individual → team → company). No chain of parents and contributions may lead back to
 * the objective itself.
 */
@Component
class Alignment {

	/** Deeper than any real organisation; a guard against walking forever should data ever loop. */
	private static final int MAX_DEPTH = 64;

	private final JdbcClient jdbc;
	private final CycleRepository cycles;

	Alignment(JdbcClient jdbc, CycleRepository cycles) {
		this.jdbc = jdbc;
		this.cycles = cycles;
	}

	record Node(long id, long cycleId, long teamId, ObjectiveLevel level, String title) {

		String named() {
			return "objective " + Quoted.of(title);
		}
	}

	/** Problems with pointing {@code self} (null while being created) at these objectives. */
	List<FieldProblem> problems(Long self, Cycle cycle, long teamId, ObjectiveLevel level, Long parentId,
			List<Long> contributesTo) {
		var problems = new ArrayList<FieldProblem>();
		var named = new ArrayList<Long>(contributesTo);
		if (parentId != null) {
			named.add(parentId);
		}
		var nodes = nodes(named);
		var cycleIndex = cycles.findAllById(nodes.values().stream().map(Node::cycleId).collect(Collectors.toSet()))
			.stream().collect(Collectors.toMap(Cycle::id, Function.identity()));
		if (parentId != null) {
			var problem = problem(self, parentId, nodes.get(parentId), cycle, level, cycleIndex);
			if (problem != null) {
				problems.add(new FieldProblem("parentId", problem));
			}
		}
		var seen = new HashSet<Long>();
		for (int i = 0; i < contributesTo.size(); i++) {
			var id = contributesTo.get(i);
			var node = nodes.get(id);
			String problem = node != null && !seen.add(id) ? node.named() + " is named twice"
					: node != null && id.equals(parentId) ? node.named() + " is already the parent"
					: problem(self, id, node, cycle, level, cycleIndex);
			if (problem == null && node.teamId() == teamId) {
				problem = node.named() + " belongs to the same team; align to it with parentId";
			}
			if (problem != null) {
				problems.add(new FieldProblem("contributesTo[" + i + "]", problem));
			}
		}
		if (problems.isEmpty() && self != null && reaches(named, self)) {
			problems.add(new FieldProblem(parentId != null ? "parentId" : "contributesTo",
					"would make a loop: this objective would end up aligned to itself"));
		}
		if (self != null) {
			childProblem(self, level, problems);
		}
		return problems;
	}

	private static String problem(Long self, long id, Node node, Cycle cycle, ObjectiveLevel level,
			Map<Long, Cycle> cycleIndex) {
		if (self != null && self == id) {
			return "an objective cannot align to itself";
		}
		if (node == null) {
			return "no objective " + id + " exists";
		}
		var other = cycleIndex.get(node.cycleId());
		if (!cycle.within(other)) {
			return node.named() + " is in cycle " + Quoted.of(other.name()) + " (" + other.startDate() + " to "
					+ other.endDate() + "), which neither is nor encloses this objective's cycle";
		}
		if (!level.mayAlignTo(node.level())) {
			return node.named() + " is a " + node.level() + " objective; a " + level
					+ " objective aligns to its own level or above";
		}
		return null;
	}

	/** A child below this objective must not end up above it. */
	private void childProblem(long self, ObjectiveLevel level, List<FieldProblem> problems) {
		var higher = jdbc.sql("select title, objective_level from objective where parent_id = ? order by id")
			.param(self)
			.query((rs, n) -> Map.entry(rs.getString(1), ObjectiveLevel.valueOf(rs.getString(2))))
			.list().stream()
			.filter(child -> !child.getValue().mayAlignTo(level))
			.map(Map.Entry::getKey)
			.toList();
		if (!higher.isEmpty()) {
			problems.add(new FieldProblem("level", (higher.size() == 1 ? "objective " + Quoted.all(higher)
					+ " aligns to this one from a higher level; realign it first" : "objectives " + Quoted.all(higher)
					+ " align to this one from a higher level; realign them first")));
		}
	}

	/** Walks up parents and contributions from {@code start}; true when it meets {@code target}. */
	private boolean reaches(List<Long> start, long target) {
		Set<Long> visited = new HashSet<>(start);
		var frontier = new ArrayList<>(start);
		for (int depth = 0; depth < MAX_DEPTH && !frontier.isEmpty(); depth++) {
			if (frontier.contains(target)) {
				return true;
			}
			var next = jdbc.sql("""
					select parent_id from objective where id in (:ids) and parent_id is not null
					union
					select contributes_to_id from objective_contribution where objective_id in (:ids)""")
				.param("ids", frontier)
				.query(Long.class)
				.list();
			frontier = new ArrayList<>();
			for (var id : next) {
				if (visited.add(id)) {
					frontier.add(id);
				}
			}
		}
		return frontier.contains(target);
	}

	private Map<Long, Node> nodes(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, cycle_id, team_id, objective_level, title from objective where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new Node(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					ObjectiveLevel.valueOf(rs.getString(4)), rs.getString(5)))
			.list().stream()
			.collect(Collectors.toMap(Node::id, Function.identity()));
	}
}
