package dev.tandem.kpi.web;

import static dev.tandem.kpi.KpiViewFixtures.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import dev.tandem.org.Assignments;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.org.Role;
import dev.tandem.org.TeamView;
import dev.tandem.web.PageSlice;

@WebMvcTest(KpiListPageController.class)
@Import({ PageSlice.class, Assignments.class })
@WithMockUser
class KpiListPageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Kpis kpis;

	@MockitoBean
	Organisation organisation;

	@MockitoBean
	Permissions permissions;

	@BeforeEach
	void organisation() {
		var support = new TeamView(1, "support", "Customer support", null);
		given(organisation.teams()).willReturn(List.of(support));
		given(permissions.editableTeams()).willReturn(team -> false);
		given(organisation.teamIndex()).willReturn(Map.of(1L, support));
		given(organisation.personIndex()).willReturn(Map.of(3L, new PersonView(3, "sam", "Sam Okafor", null, Role.EDITOR,
				List.of(), true)));
		given(kpis.list(null)).willReturn(IntStream.rangeClosed(1, 25)
			.mapToObj(n -> threshold("kpi-%02d".formatted(n), "KPI %02d".formatted(n), "support", HealthStatus.GREEN, 1.0 * n))
			.toList());
	}

	@Test
	void pagesThroughEveryKpiWithItsTeamOwnerAndStatus() {
		var page = mvc.get().uri("/kpis");
		assertThat(page).hasStatusOk().hasViewName("kpi/kpis").bodyText()
			.contains("KPI 01", "KPI 20", "Customer support", "Sam Okafor", "Showing 1–20 of 25", "href=\"/kpis?page=1\"")
			.doesNotContain("KPI 21", "New KPI");
		assertThat(mvc.get().uri("/kpis?page=1")).bodyText().contains("KPI 25").doesNotContain("KPI 20");
	}

	@Test
	void searchesAndAnswersHtmxWithTheListAlone() {
		var result = mvc.get().uri("/kpis?q=kpi-07").header("HX-Request", "true").header("HX-Target", "kpi-list");
		assertThat(result).hasStatusOk().bodyText().startsWith("<div id=\"kpi-list\"").contains("KPI 07").doesNotContain("KPI 08", "<html");
		assertThat(mvc.get().uri("/kpis?q=nothing-like-it")).bodyText().contains("No KPI matches your search");
	}

	@Test
	void offersNewKpiToThoseWhoMayEditATeam() {
		assertThat(mvc.get().uri("/kpis")).bodyText().doesNotContain("href=\"/kpis/new\"");
		given(permissions.editableTeams()).willReturn(team -> team == 1);
		assertThat(mvc.get().uri("/kpis")).bodyText().contains("New KPI", "href=\"/kpis/new\"");
	}
}
