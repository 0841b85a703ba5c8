package dev.tandem.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.tandem.kpi.Direction;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.KpiViewFixtures;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Shape;
import dev.tandem.org.Assignments;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.org.Role;
import dev.tandem.org.TeamView;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.web.PageSlice;

@WebMvcTest(KpiFormPageController.class)
@Import({ PageSlice.class, KpiEditing.class, Assignments.class })
@WithMockUser("sam")
class KpiFormPageControllerTests {

	static final TeamView PLATFORM = new TeamView(7, "platform", "Patient platform", null);

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
		given(organisation.teams()).willReturn(List.of(PLATFORM, new TeamView(8, "sales", "Sales", null)));
		given(organisation.team("platform")).willReturn(PLATFORM);
		given(organisation.people()).willReturn(List.of(new PersonView(3, "sam", "Sam Okafor", null, Role.EDITOR,
				List.of("platform"), true)));
		given(permissions.mayEdit(7)).willReturn(true);
	}

	@Test
	void offersOnlyTheTeamsTheEditorMayEditAndEveryShapesFields() {
		var page = mvc.get().uri("/kpis/new");
		assertThat(page).hasStatusOk().hasViewName("kpi/kpi-form").bodyText()
			.contains("<option value=\"platform\">Patient platform</option>", "id=\"field-owner\"", "hx-get=\"/pickers/people\"", "value=\"sam\"",
					"data-shape=\"THRESHOLD\"", "data-shape=\"BAND\"", "data-shape=\"TRAJECTORY\"", "Create KPI")
			.doesNotContain("<option value=\"sales\"");
	}

	@Test
	void someoneWhoMayEditNoTeamMayNotDefineKpis() {
		given(permissions.mayEdit(7)).willReturn(false);
		assertThat(mvc.get().uri("/kpis/new")).hasStatus(403);
		assertThat(create("name", "Uptime")).hasStatus(403);
		then(kpis).should(never()).create(any());
	}

	@Test
	void createsAThresholdKpiWithOnlyThatShapesFields() {
		given(kpis.create(any())).willAnswer(call -> KpiViewFixtures.threshold("uptime", "Uptime", "platform", HealthStatus.NO_DATA, null));
		var result = create("key", "uptime", "name", "Uptime", "thresholdTarget", "99", "warning", "97", "lower", "5");
		assertThat(result).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/kpis/uptime");
		then(kpis).should().create(eq(new KpiDefinition("uptime", "Uptime", null, "platform", "sam",
				dev.tandem.kpi.Unit.PERCENT, null, null, dev.tandem.kpi.Source.MANUAL, dev.tandem.kpi.Frequency.DAILY,
				dev.tandem.kpi.Aggregation.AVERAGE, null, dev.tandem.kpi.Indicator.LAGGING, List.of(), Shape.THRESHOLD,
				Direction.HIGHER_IS_BETTER, 99.0, 97.0, null, null, null, null, null, null, null, null)));
	}

	@Test
	void badInputComesBackWithTheApisMessagesAtTheirInputsAndNothingSaved() {
		var result = create("key", "Not A Slug", "name", "", "thresholdTarget", "high");
		assertThat(result).hasStatus(422).bodyText()
			.contains("Nothing was saved", "must be 1-64 lower-case letters, digits or dashes", "must not be blank",
					"must be a number (use a dot for decimals)", "value=\"Not A Slug\"");
		then(kpis).should(never()).create(any());
	}

	@Test
	void theKpiModulesRulesAreShownAtTheShapesOwnInputs() {
		given(kpis.create(any())).willThrow(new InvalidInputException("warning",
				"must be below the target when higher is better (amber lies between warning and target)"));
		var result = create("key", "uptime", "name", "Uptime", "thresholdTarget", "99", "warning", "100");
		assertThat(result).hasStatus(422).bodyText()
			.contains("id=\"field-warning-error\"", "must be below the target when higher is better");
	}

	@Test
	void aTakenKeyIsShownAtTheKey() {
		given(kpis.create(any())).willThrow(new ConflictException("A KPI with key 'uptime' already exists."));
		assertThat(create("key", "uptime", "name", "Uptime", "thresholdTarget", "99", "warning", "97")).hasStatus(422)
			.bodyText().contains("id=\"field-key-error\"", "another KPI already has this key");
	}

	@Test
	void editingKeepsTheKeyAndSendsTheVersionForOptimisticLocking() {
		var kpi = KpiViewFixtures.threshold("uptime", "Uptime", "platform", HealthStatus.RED, 50.0);
		given(kpis.get("uptime")).willReturn(kpi);
		given(kpis.update(eq("uptime"), any(), any())).willReturn(kpi);
		assertThat(mvc.get().uri("/kpis/uptime/edit")).hasStatusOk().bodyText()
			.contains("name=\"version\" value=\"3\"", "Save changes", "value=\"99.0\"");

		var result = mvc.post().uri("/kpis/uptime/edit").with(csrf()).params(form("name", "Uptime", "thresholdTarget", "99",
				"warning", "98", "version", "3"));
		assertThat(result).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/kpis/uptime");
		then(kpis).should().update(eq("uptime"), any(), eq(3L));
	}

	@Test
	void onlyAnEditorOfTheKpisTeamMayEditIt() {
		given(kpis.get("uptime")).willReturn(KpiViewFixtures.threshold("uptime", "Uptime", "platform", HealthStatus.RED, 50.0));
		org.mockito.BDDMockito.willThrow(new ForbiddenException("no")).given(permissions).requireEditorOf(anyLong());
		assertThat(mvc.get().uri("/kpis/uptime/edit")).hasStatus(403);
	}

	private MvcTestResult create(String... pairs) {
		return mvc.post().uri("/kpis/new").with(csrf()).params(form(pairs)).exchange();
	}

	/** A complete form for a daily threshold KPI in percent, with these fields set or changed. */
	private static org.springframework.util.MultiValueMap<String, String> form(String... pairs) {
		var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
		form.add("team", "platform");
		form.add("owner", "sam");
		form.add("unit", "PERCENT");
		form.add("source", "MANUAL");
		form.add("frequency", "DAILY");
		form.add("aggregation", "AVERAGE");
		form.add("indicator", "LAGGING");
		form.add("shape", "THRESHOLD");
		form.add("thresholdDirection", "HIGHER_IS_BETTER");
		form.add("trajectoryDirection", "HIGHER_IS_BETTER");
		for (int i = 0; i < pairs.length; i += 2) {
			form.set(pairs[i], pairs[i + 1]);
		}
		return form;
	}
}
