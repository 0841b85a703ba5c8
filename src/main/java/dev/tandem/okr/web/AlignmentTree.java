package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.okr.OverviewObjective;

/**
 * A cycle's objectives as their line of sight: company objectives at the top, the team
 * objectives aligned to them beneath, individual ones beneath those. An objective whose parent
 * is not shown (in another cycle, or filtered out) becomes a root of its own, and says so.
 */
record AlignmentTree(List<Node> roots, int size) {

	/** One objective with the objectives aligned to it; {@code parentElsewhere} when its parent is not in the tree. */
	record Node(OverviewObjective objective, List<Node> children, boolean parentElsewhere) {
	}

	private static final Comparator<OverviewObjective> ORDER = Comparator
		.comparing((OverviewObjective o) -> o.level().ordinal()).reversed()
		.thenComparing(OverviewObjective::team, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(OverviewObjective::id);

	static AlignmentTree of(List<OverviewObjective> objectives) {
		var byId = new LinkedHashMap<Long, OverviewObjective>();
		objectives.stream().sorted(ORDER).forEach(o -> byId.put(o.id(), o));
		Map<Long, List<OverviewObjective>> children = new HashMap<>();
		var roots = new ArrayList<OverviewObjective>();
		for (var o : byId.values()) {
			if (o.parentId() != null && byId.containsKey(o.parentId())) {
				children.computeIfAbsent(o.parentId(), id -> new ArrayList<>()).add(o);
			}
			else {
				roots.add(o);
			}
		}
		return new AlignmentTree(roots.stream().map(o -> node(o, children, o.parentId() != null)).toList(), byId.size());
	}

	private static Node node(OverviewObjective o, Map<Long, List<OverviewObjective>> children, boolean elsewhere) {
		var below = children.getOrDefault(o.id(), List.of()).stream().map(c -> node(c, children, false)).toList();
		return new Node(o, below, elsewhere);
	}

	public boolean isEmpty() {
		return roots.isEmpty();
	}
}
