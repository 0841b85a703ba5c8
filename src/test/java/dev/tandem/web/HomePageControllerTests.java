package dev.tandem.web;

import static dev.tandem.kpi.KpiViewFixtures.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.Kpis;
import dev.tandem.loop.Focus;
import dev.tandem.loop.FocusItem;
import dev.tandem.org.Organisation;
import dev.tandem.org.TeamView;

@WebMvcTest(HomePageController.class)
@Import(PageSlice.class)
@WithMockUser
class HomePageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Organisation organisation;

	@MockitoBean
	Kpis kpis;

	/** The loop's ranking has tests of its own; here it only has to be shown. */
	@MockitoBean
	Focus focus;

	@BeforeEach
	void organisation() {
		given(organisation.teams()).willReturn(List.of(new TeamView(1, "acme", "Acme Health", null),
				new TeamView(2, "support", "Customer support", "acme"), new TeamView(3, "platform", "Platform", "acme")));
		given(organisation.personIndex()).willReturn(Map.of());
		given(kpis.recentPeriods()).willReturn(Map.of());
		given(focus.ranking(anyInt(), anyInt())).willReturn(new Focus.Page(List.of(), 0));
	}

	@Test
	void rendersTheTeamsAsANestedTreeInTheLayout() {
		given(kpis.list(null)).willReturn(List.of());

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.hasViewName("home")
			.bodyText()
			.contains("<title>Home · Tandem</title>", "aria-current=\"page\"", "3 teams")
			.containsSubsequence("class=\"tree\"", "Acme Health", "<ul>", "Customer support")
			.doesNotContain("No teams yet");
	}

	@Test
	void saysWhereTheTeamsAndKpisWillBeWhenThereAreNone() {
		given(organisation.teams()).willReturn(List.of());
		given(kpis.list(null)).willReturn(List.of());

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("No teams yet", "Every KPI and OKR in Tandem belongs to a team", "No KPIs yet")
			.doesNotContain("class=\"tree\"", "Focus: what to fix first", "id=\"filter-team\"");
	}

	@Test
	void showsEveryKpiAsATileByTeamWithTheFocusOnTop() {
		var all = List.of(threshold("uptime", "Registration uptime", "platform", HealthStatus.RED, 50.0),
				threshold("csat", "Customer satisfaction", "support", HealthStatus.GREEN, 99.5));
		given(kpis.list(null)).willReturn(all);
		given(focus.ranking(HomePageController.FOCUS_SHOWN, 0)).willReturn(new Focus.Page(List.of(new FocusItem(1, "uptime",
				"Registration uptime", "platform", HealthStatus.RED, 50.0, 26, 0, 1, 26,
				"Registration uptime is red at 50 % against a target of 99 %.")), 1));

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.model()
			.containsKeys("dashboard", "focus");
		assertThat(mvc.get().uri("/")).bodyText()
			.containsSubsequence("Focus: what to fix first", "Registration uptime is red at 50 % against a target of 99 %",
					"Health dashboard", "Customer support", "Customer satisfaction", "Platform", "Registration uptime")
			.contains("tile tile--red", "href=\"/kpis/uptime\"", "Target 99 %", "<option value=\"support\">Customer support</option>");
	}

	@Test
	void aFilterFromHtmxGetsOnlyTheDashboardBack() {
		given(kpis.list(null)).willReturn(List.of(threshold("uptime", "Registration uptime", "platform", HealthStatus.RED, 50.0),
				threshold("csat", "Customer satisfaction", "support", HealthStatus.GREEN, 99.5)));

		var result = mvc.get().uri("/?status=GREEN").header("HX-Request", "true").header("HX-Target", "dashboard");
		assertThat(result).hasStatusOk().bodyText()
			.startsWith("<div id=\"dashboard\"")
			.contains("Customer satisfaction", "Showing 1 of 2 KPIs.")
			.doesNotContain("Registration uptime", "<html", "Focus");
	}

	@Test
	void saysSoWhenNoKpiMatchesTheFilters() {
		given(kpis.list(null)).willReturn(List.of(threshold("csat", "Customer satisfaction", "support", HealthStatus.GREEN, 99.5)));

		assertThat(mvc.get().uri("/?status=RED&team=platform")).hasStatusOk().bodyText()
			.contains("No KPI matches these filters", "Clear filters", "selected=\"selected\">Red</option>");
	}

	@Test
	void anUnknownStatusIsABadRequest() {
		given(kpis.list(null)).willReturn(List.of());
		assertThat(mvc.get().uri("/?status=PURPLE")).hasStatus(400);
	}

	/**
	 * Beyond a few hundred KPIs the page shows the worst as tiles and a line per team with a
	 * strip of its statuses, the all-green teams as one count; a team's tiles load when opened.
	 */
	@Test
	void aLargeOrganisationGetsTheWorstAsTilesAndALinePerTeam() {
		var red = java.util.stream.IntStream.range(0, 60)
			.mapToObj(i -> threshold("red-" + i, "Red KPI " + (100 + i), "platform", HealthStatus.RED, 50.0)).toList();
		var green = java.util.stream.IntStream.range(0, 240)
			.mapToObj(i -> threshold("green-" + i, "Green KPI " + i, "support", HealthStatus.GREEN, 99.5)).toList();
		var all = new java.util.ArrayList<dev.tandem.kpi.KpiView>(red);
		all.addAll(green);
		given(kpis.count()).willReturn((long) all.size());
		given(kpis.standings(null)).willReturn(all.stream().map(view -> dev.tandem.kpi.KpiStanding.of(view, 0)).toList());
		given(kpis.listByKeys(org.mockito.ArgumentMatchers.anyCollection())).willAnswer(call -> {
			java.util.Collection<?> keys = call.getArgument(0);
			return all.stream().filter(view -> keys.contains(view.key())).toList();
		});

		var page = mvc.get().uri("/").exchange();
		assertThat(page).hasStatusOk().bodyText()
			.containsSubsequence("Needs attention", "the worst 48 of 60", "Red KPI 100", "Red KPI 147", "By team",
					"1 team with a KPI that is not green", "Platform", "60 KPIs", "aria-label=\"60 red\"",
					"/dashboard/teams/platform", "And 1 team whose 240 KPIs are all green.")
			.doesNotContain("Red KPI 148", "Green KPI", "team-line__name\">Customer support");
		verify(kpis, org.mockito.Mockito.never()).list(null);

		given(organisation.team("support")).willReturn(new TeamView(2, "support", "Customer support", "acme"));
		given(kpis.list("support")).willReturn(green);
		assertThat(mvc.get().uri("/dashboard/teams/support?status=GREEN")).hasStatusOk().bodyText()
			.startsWith("<div class=\"grid\">").contains("Green KPI 0", "Green KPI 239").doesNotContain("<html");
	}
}
