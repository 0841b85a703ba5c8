package dev.tandem.web;

import static dev.tandem.kpi.KpiViews.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiViews;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.org.TeamView;

class DashboardTests {

	static final TeamTree TREE = TeamTree.of(List.of(new TeamView(1, "acme", "Acme", null),
			new TeamView(2, "support", "Support", "acme"), new TeamView(3, "sales", "Sales", "acme"),
			new TeamView(4, "inbound", "Inbound", "sales")));

	static final List<dev.tandem.kpi.KpiView> KPIS = List.of(threshold("csat", "CSAT", "support", HealthStatus.GREEN, 4.7),
			threshold("backlog", "Backlog", "support", HealthStatus.RED, 300.0),
			threshold("win-rate", "Win rate", "sales", HealthStatus.AMBER, 22.0),
			threshold("leads", "Leads", "inbound", HealthStatus.NO_DATA, null));

	@Test
	void groupsTilesByTeamInTreeOrderWorstFirst() {
		var dashboard = Dashboard.of(KPIS, Map.of(), TREE, new Dashboard.Filter(null, null, null));
		assertThat(dashboard.groups()).extracting(group -> group.team().key()).containsExactly("sales", "inbound", "support");
		assertThat(dashboard.groups().get(2).tiles()).extracting(tile -> tile.kpi().key()).containsExactly("backlog", "csat");
		assertThat(dashboard.counts()).containsEntry(HealthStatus.RED, 1).containsEntry(HealthStatus.GREEN, 1);
		assertThat(dashboard.shown()).isEqualTo(4);
	}

	@Test
	void aTeamFilterIncludesTheTeamsBelowIt() {
		var dashboard = Dashboard.of(KPIS, Map.of(), TREE, new Dashboard.Filter("sales", null, null));
		assertThat(dashboard.groups()).extracting(group -> group.team().key()).containsExactly("sales", "inbound");
		assertThat(dashboard.filter().isActive()).isTrue();
	}

	@Test
	void filtersByStatusAndCategory() {
		var red = Dashboard.of(KPIS, Map.of(), TREE, new Dashboard.Filter("", HealthStatus.RED, "Customer"));
		assertThat(red.shown()).isEqualTo(1);
		var none = Dashboard.of(KPIS, Map.of(), TREE, new Dashboard.Filter(null, null, "financial"));
		assertThat(none.groups()).isEmpty();
		assertThat(none.total()).isEqualTo(4);
	}

	@Test
	void drawsASparklineFromTheRecentPeriods() {
		var recent = Map.of("csat", List.of(new PeriodValue(java.time.LocalDate.of(2026, 3, 1), 4.5, 1, KpiViews.NOW),
				new PeriodValue(java.time.LocalDate.of(2026, 3, 2), 4.7, 1, KpiViews.NOW)));
		var dashboard = Dashboard.of(KPIS, recent, TREE, new Dashboard.Filter(null, HealthStatus.GREEN, null));
		assertThat(dashboard.groups().get(0).tiles().get(0).sparkline().isDrawable()).isTrue();
	}
}
