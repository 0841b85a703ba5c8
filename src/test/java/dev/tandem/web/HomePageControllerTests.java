package dev.tandem.web;

import static dev.tandem.kpi.KpiViews.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

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
		given(focus.ranking(all)).willReturn(List.of(new FocusItem(1, "uptime", "Registration uptime", "platform",
				HealthStatus.RED, 50.0, 26, 0, 1, 26, "Registration uptime is red at 50 % against a target of 99 %.")));

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
}
