package dev.tandem.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.org.TeamView;

/**
 * The organisation's teams arranged as the tree they form (company, department, team), each
 * level sorted by name. A team whose parent is not among the given teams becomes a root, so
 * that a partial list still shows every team once.
 */
record TeamTree(List<Node> roots, int size) {

	record Node(TeamView team, List<Node> children) {
	}

	static TeamTree of(List<TeamView> teams) {
		var keys = new HashMap<String, TeamView>();
		teams.forEach(team -> keys.put(team.key(), team));
		var childrenByParent = new HashMap<String, List<TeamView>>();
		var roots = new ArrayList<TeamView>();
		for (var team : teams) {
			if (team.parentKey() == null || !keys.containsKey(team.parentKey())) {
				roots.add(team);
			}
			else {
				childrenByParent.computeIfAbsent(team.parentKey(), key -> new ArrayList<>()).add(team);
			}
		}
		return new TeamTree(nodes(roots, childrenByParent), teams.size());
	}

	public boolean isEmpty() {
		return size == 0;
	}

	private static List<Node> nodes(List<TeamView> level, Map<String, List<TeamView>> childrenByParent) {
		return level.stream()
			.sorted(Comparator.comparing(TeamView::name, String.CASE_INSENSITIVE_ORDER).thenComparing(TeamView::key))
			.map(team -> new Node(team, nodes(childrenByParent.getOrDefault(team.key(), List.of()), childrenByParent)))
			.toList();
	}
}
