package dev.tandem.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.org.TeamView;

/**
 * The health dashboard: every KPI that passes the filters as a tile, grouped by team in the
 * order of the team tree, the worst first within a team; with the counts per status and the
 * choices the filters offer.
 */
record Dashboard(List<Group> groups, Map<HealthStatus, Integer> counts, int total, List<TeamView> teams,
		List<String> categories, Filter filter) {

	/** The dashboard's filters, as GET parameters; blank means "all". A team includes the teams below it. */
	record Filter(String team, HealthStatus status, String category) {

		public boolean isActive() {
			return present(team) || status != null || present(category);
		}

		/** Whether a KPI of this status and category passes the status and category filters (the team is the caller's). */
		boolean admits(HealthStatus status, String category) {
			return (this.status == null || status == this.status)
					&& (!present(this.category) || this.category.equalsIgnoreCase(category));
		}

		static boolean present(String text) {
			return text != null && !text.isBlank();
		}
	}

	record Group(TeamView team, List<Tile> tiles) {
	}

	record Tile(KpiView kpi, Sparkline sparkline) {
	}

	/** Worst first: red, then amber, stale, no data, green. */
	static final List<HealthStatus> SEVERITY = List.of(HealthStatus.RED, HealthStatus.AMBER, HealthStatus.STALE,
			HealthStatus.NO_DATA, HealthStatus.GREEN);

	/** Worst status first ({@link #SEVERITY}), then by name, case aside. */
	static <T> Comparator<T> worstFirst(Function<T, HealthStatus> status, Function<T, String> name) {
		return Comparator.comparing((T item) -> SEVERITY.indexOf(status.apply(item)))
			.thenComparing(name, String.CASE_INSENSITIVE_ORDER);
	}

	static Dashboard of(List<KpiView> kpis, Map<String, List<PeriodValue>> recent, TeamTree tree, Filter filter) {
		var teamsInFilter = Filter.present(filter.team()) ? below(tree, filter.team()) : null;
		var shown = kpis.stream()
			.filter(kpi -> teamsInFilter == null || teamsInFilter.contains(kpi.team()))
			.filter(kpi -> filter.admits(kpi.health().status(), kpi.category()))
			.sorted(worstFirst(kpi -> kpi.health().status(), KpiView::name))
			.toList();
		var byTeam = new LinkedHashMap<String, List<Tile>>();
		treeOrder(tree.roots()).forEach(team -> byTeam.put(team.key(), new ArrayList<>()));
		for (var kpi : shown) {
			var values = recent.getOrDefault(kpi.key(), List.of()).stream().map(PeriodValue::value).toList();
			byTeam.computeIfAbsent(kpi.team(), key -> new ArrayList<>()).add(new Tile(kpi, Sparkline.of(values)));
		}
		var teams = treeOrder(tree.roots());
		var groups = teams.stream()
			.filter(team -> !byTeam.get(team.key()).isEmpty())
			.map(team -> new Group(team, byTeam.get(team.key())))
			.toList();
		var counts = new EnumMap<HealthStatus, Integer>(HealthStatus.class);
		SEVERITY.forEach(status -> counts.put(status, 0));
		kpis.forEach(kpi -> counts.merge(kpi.health().status(), 1, Integer::sum));
		var categories = kpis.stream().map(KpiView::category).filter(Objects::nonNull).distinct()
			.sorted(String.CASE_INSENSITIVE_ORDER).toList();
		return new Dashboard(groups, counts, kpis.size(), teams, categories, filter);
	}

	public List<HealthStatus> statuses() {
		return SEVERITY;
	}

	/** A small organisation's dashboard shows every KPI as a tile. */
	public boolean isLarge() {
		return false;
	}

	public int shown() {
		return groups.stream().mapToInt(group -> group.tiles().size()).sum();
	}

	static List<TeamView> treeOrder(List<TeamTree.Node> nodes) {
		var ordered = new ArrayList<TeamView>();
		for (var node : nodes) {
			ordered.add(node.team());
			ordered.addAll(treeOrder(node.children()));
		}
		return ordered;
	}

	static Set<String> below(TeamTree tree, String teamKey) {
		var keys = new HashSet<String>();
		keys.add(teamKey);
		collect(tree.roots(), teamKey, false, keys);
		return keys;
	}

	private static void collect(List<TeamTree.Node> nodes, String teamKey, boolean inside, Set<String> keys) {
		for (var node : nodes) {
			boolean here = inside || node.team().key().equals(teamKey);
			if (here) {
				keys.add(node.team().key());
			}
			collect(node.children(), teamKey, here, keys);
		}
	}
}
