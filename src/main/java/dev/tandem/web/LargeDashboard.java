package dev.tandem.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiStanding;
import dev.tandem.org.TeamView;

/**
 * The health dashboard of an organisation too large to show every KPI as a tile: the KPIs that
 * need attention first (red, amber, stale, without data; the worst {@value #ATTENTION_SHOWN}
 * as tiles), then every team as one line with its count and a strip of its statuses, whose tiles
 * load when it is opened. Counted from a lean read of every KPI; only the tiles shown are read
 * in full. The filters are the small dashboard's.
 */
record LargeDashboard(List<Dashboard.Tile> attention, int attentionTotal, Page<TeamLine> lines, int healthyTeams,
		int healthyKpis, Map<HealthStatus, Integer> counts, int total, List<TeamView> teams, List<String> categories,
		Dashboard.Filter filter, int shown) {

	/** How many tiles of KPIs that need attention the page shows at most. */
	static final int ATTENTION_SHOWN = 48;

	/** How many teams' lines one page shows. */
	static final int LINES_PER_PAGE = 50;

	/** One team: how many of its own KPIs pass the filters, and a strip of their statuses. */
	record TeamLine(TeamView team, int kpis, Map<HealthStatus, Integer> counts, List<Segment> strip) {

		/** "3 red, 2 amber, 5 green": what the strip shows, for screen readers. */
		public String summary() {
			return strip.stream().map(segment -> segment.count() + " " + dev.tandem.kpi.KpiFormat.words(segment.status())
				.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "));
		}
	}

	/** One status's part of a team's strip, as an SVG rectangle in a 100-wide box. */
	record Segment(HealthStatus status, int count, String x, String width) {
	}

	/** The KPIs that pass the filters, the worst first, and which of them the page reads in full. */
	record Selection(List<KpiStanding> shown, List<String> attentionKeys, int attentionTotal) {
	}

	static Selection select(List<KpiStanding> all, TeamTree tree, Dashboard.Filter filter) {
		var teamsInFilter = Dashboard.Filter.present(filter.team()) ? Dashboard.below(tree, filter.team()) : null;
		var shown = all.stream()
			.filter(kpi -> teamsInFilter == null || teamsInFilter.contains(kpi.team()))
			.filter(kpi -> filter.admits(kpi.health().status(), kpi.category()))
			.sorted(Dashboard.worstFirst(kpi -> kpi.health().status(), KpiStanding::name))
			.toList();
		var attention = shown.stream().filter(kpi -> kpi.health().status() != HealthStatus.GREEN).toList();
		return new Selection(shown, attention.stream().limit(ATTENTION_SHOWN).map(KpiStanding::key).toList(),
				attention.size());
	}

	/**
	 * Teams with a KPI that is not green get a line each, the most red first, paged; the teams
	 * whose KPIs are all green are one count.
	 */
	static LargeDashboard of(List<KpiStanding> all, Selection selection, List<Dashboard.Tile> attention, TeamTree tree,
			Dashboard.Filter filter, int linesPage) {
		var perTeam = new LinkedHashMap<String, Map<HealthStatus, Integer>>();
		var teams = Dashboard.treeOrder(tree.roots());
		teams.forEach(team -> perTeam.put(team.key(), new EnumMap<>(HealthStatus.class)));
		for (var kpi : selection.shown()) {
			perTeam.computeIfAbsent(kpi.team(), key -> new EnumMap<>(HealthStatus.class))
				.merge(kpi.health().status(), 1, Integer::sum);
		}
		var lines = new ArrayList<TeamLine>();
		int healthyTeams = 0;
		int healthyKpis = 0;
		for (var team : teams) {
			var counts = perTeam.get(team.key());
			int size = counts.values().stream().mapToInt(Integer::intValue).sum();
			if (size > 0 && counts.getOrDefault(HealthStatus.GREEN, 0) == size) {
				healthyTeams++;
				healthyKpis += size;
			}
			else if (size > 0) {
				lines.add(new TeamLine(team, size, counts, strip(counts, size)));
			}
		}
		// stable: teams alike in red and amber stay in the tree's order
		lines.sort(Comparator.comparing((TeamLine line) -> -line.counts().getOrDefault(HealthStatus.RED, 0))
			.thenComparing(line -> -line.counts().getOrDefault(HealthStatus.AMBER, 0)));
		int last = lines.isEmpty() ? 0 : (lines.size() - 1) / LINES_PER_PAGE;
		var request = PageRequest.of(Math.max(0, Math.min(linesPage, last)), LINES_PER_PAGE);
		int from = (int) request.getOffset();
		var page = new PageImpl<>(lines.subList(from, Math.min(from + LINES_PER_PAGE, lines.size())), request,
				lines.size());
		var counts = new EnumMap<HealthStatus, Integer>(HealthStatus.class);
		Dashboard.SEVERITY.forEach(status -> counts.put(status, 0));
		all.forEach(kpi -> counts.merge(kpi.health().status(), 1, Integer::sum));
		var categories = all.stream().map(KpiStanding::category).filter(Objects::nonNull).distinct()
			.sorted(String.CASE_INSENSITIVE_ORDER).toList();
		return new LargeDashboard(attention, selection.attentionTotal(), page, healthyTeams, healthyKpis, counts, all.size(),
				teams, categories, filter, selection.shown().size());
	}

	/** The statuses side by side, worst first, each as wide as its share. */
	private static List<Segment> strip(Map<HealthStatus, Integer> counts, int size) {
		var segments = new ArrayList<Segment>();
		double x = 0;
		for (var status : Dashboard.SEVERITY) {
			int count = counts.getOrDefault(status, 0);
			if (count > 0) {
				double width = 100.0 * count / size;
				segments.add(new Segment(status, count, String.format(Locale.ROOT, "%.2f", x),
						String.format(Locale.ROOT, "%.2f", width)));
				x += width;
			}
		}
		return segments;
	}

	public boolean isLarge() {
		return true;
	}

	/** "1 team", "12 teams": for the page's counts. */
	public String count(long n, String thing) {
		return n + " " + thing + (n == 1 ? "" : "s");
	}

	public List<HealthStatus> statuses() {
		return Dashboard.SEVERITY;
	}

	public boolean isActive() {
		return filter.isActive();
	}
}
