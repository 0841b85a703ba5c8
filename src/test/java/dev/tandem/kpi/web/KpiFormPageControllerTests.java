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
		given(permissions.editableTeams()).willReturn(team -> team == 7);
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
		given(permissions.editableTeams()).willReturn(team -> false);
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
				dev.tandem.kpi.Unit.PERCENT, null, null, null, null, dev.tandem.kpi.Source.MANUAL, dev.tandem.kpi.Frequency.DAILY,
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

	@Test
	void theFormTakesAKpisOwnRange() {
		given(kpis.create(any())).willAnswer(call -> KpiViewFixtures.threshold("growth", "Growth", "platform", HealthStatus.NO_DATA, null));
		assertThat(mvc.get().uri("/kpis/new")).bodyText().contains("name=\"min\"", "name=\"max\"");
		assertThat(create("key", "growth", "name", "Growth", "thresholdTarget", "150", "warning", "-20", "min", "-100"))
			.hasStatus3xxRedirection();
		var sent = org.mockito.ArgumentCaptor.forClass(KpiDefinition.class);
		then(kpis).should().create(sent.capture());
		assertThat(sent.getValue().min()).isEqualTo(-100.0);
		assertThat(sent.getValue().max()).isNull();
	}

	@Test
	void aRangeProblemIsShownAtItsInput() {
		given(kpis.create(any())).willThrow(new InvalidInputException("max", "must be above min (5); leave either out for a range open at that end"));
		assertThat(create("key", "k", "name", "K", "thresholdTarget", "5", "warning", "4", "min", "5", "max", "5"))
			.hasStatus(422).bodyText().contains("id=\"field-max-error\"", "must be above min (5)");
	}

	@Test
	void editingListsTheSeasonalThresholds() {
		given(kpis.get("uptime")).willReturn(withSeasonal(seasonalEntry("2026-12-01", 99.5, 98.0)));
		assertThat(mvc.get().uri("/kpis/uptime/edit")).hasStatusOk().bodyText()
			.contains("Seasonal threshold 1", "name=\"seasonal[0].from\"", "value=\"2026-12-01\"",
					"name=\"seasonal[0].thresholdTarget\"", "value=\"99.5\"", "name=\"seasonal[0].remove\"",
					"Add a seasonal threshold")
			.doesNotContain("name=\"seasonal[1].from\"");
	}

	@Test
	void addingARowShowsTheFormAgainWithAnEmptyRowAndSavesNothing() {
		given(kpis.get("uptime")).willReturn(withSeasonal(seasonalEntry("2026-12-01", 99.5, 98.0)));
		var result = mvc.post().uri("/kpis/uptime/edit").with(csrf()).params(form("name", "Uptime", "thresholdTarget", "99",
				"warning", "98", "version", "3", "seasonal[0].from", "2026-12-01", "seasonal[0].thresholdDirection",
				"HIGHER_IS_BETTER", "seasonal[0].thresholdTarget", "99.5", "seasonal[0].warning", "98",
				"seasonalAction", "add"));
		assertThat(result).hasStatusOk().bodyText()
			.contains("name=\"seasonal[0].from\"", "value=\"2026-12-01\"", "name=\"seasonal[1].from\"",
					"Seasonal threshold 2")
			.doesNotContain("Nothing was saved");
		then(kpis).should(never()).update(any(), any(), any());
		var created = mvc.post().uri("/kpis/new").with(csrf()).params(form("key", "k", "name", "K", "seasonalAction", "add"));
		assertThat(created).hasStatusOk().bodyText().contains("name=\"seasonal[0].from\"");
		then(kpis).should(never()).create(any());
	}

	@Test
	void savingSendsTheRowsShownLeavingOutRemovedAndEmptyOnes() {
		var kpi = withSeasonal(seasonalEntry("2026-12-01", 99.5, 98.0), seasonalEntry("2027-06-01", 97.0, 95.0));
		given(kpis.get("uptime")).willReturn(kpi);
		given(kpis.update(eq("uptime"), any(), any())).willReturn(kpi);
		var result = mvc.post().uri("/kpis/uptime/edit").with(csrf()).params(form("name", "Uptime", "thresholdTarget", "99",
				"warning", "98", "version", "3",
				"seasonal[0].from", "2026-12-01", "seasonal[0].thresholdDirection", "HIGHER_IS_BETTER",
				"seasonal[0].thresholdTarget", "99.5", "seasonal[0].warning", "98", "seasonal[0].remove", "true",
				"seasonal[1].from", "2027-06-01", "seasonal[1].thresholdDirection", "HIGHER_IS_BETTER",
				"seasonal[1].thresholdTarget", "97.5", "seasonal[1].warning", "95", "seasonal[1].upper", "120",
				"seasonal[2].thresholdDirection", "HIGHER_IS_BETTER", "seasonal[2].from", ""));
		assertThat(result).hasStatus3xxRedirection();
		var sent = org.mockito.ArgumentCaptor.forClass(KpiDefinition.class);
		then(kpis).should().update(eq("uptime"), sent.capture(), eq(3L));
		// only the threshold shape's inputs count: the band's upper typed in the row is not sent
		assertThat(sent.getValue().thresholdsByPeriod()).containsExactly(new KpiDefinition.PeriodThresholds(
				java.time.LocalDate.parse("2027-06-01"), Direction.HIGHER_IS_BETTER, 97.5, 95.0, null, null, null, null,
				null, null));
	}

	@Test
	void removingEveryRowClearsTheSeasonalThresholds() {
		var kpi = withSeasonal(seasonalEntry("2026-12-01", 99.5, 98.0));
		given(kpis.get("uptime")).willReturn(kpi);
		given(kpis.update(eq("uptime"), any(), any())).willReturn(kpi);
		assertThat(mvc.post().uri("/kpis/uptime/edit").with(csrf()).params(form("name", "Uptime", "thresholdTarget", "99",
				"warning", "98", "version", "3", "seasonal[0].from", "2026-12-01", "seasonal[0].thresholdDirection",
				"HIGHER_IS_BETTER", "seasonal[0].thresholdTarget", "99.5", "seasonal[0].warning", "98",
				"seasonal[0].remove", "true"))).hasStatus3xxRedirection();
		var sent = org.mockito.ArgumentCaptor.forClass(KpiDefinition.class);
		then(kpis).should().update(eq("uptime"), sent.capture(), eq(3L));
		assertThat(sent.getValue().thresholdsByPeriod()).isNull();
	}

	@Test
	void aSeasonalRowsProblemsShowAtThatRowsInputsAndNothingIsSaved() {
		given(kpis.get("uptime")).willReturn(withSeasonal(seasonalEntry("2026-12-01", 99.5, 98.0)));
		// a value that does not parse, and a row without its date: caught before the KPI module is asked
		var bad = mvc.post().uri("/kpis/uptime/edit").with(csrf()).params(form("name", "Uptime", "thresholdTarget", "99",
				"warning", "98", "version", "3", "seasonal[0].from", "2026-12-01", "seasonal[0].thresholdDirection",
				"HIGHER_IS_BETTER", "seasonal[0].thresholdTarget", "lots", "seasonal[0].warning", "98",
				"seasonal[1].thresholdDirection", "HIGHER_IS_BETTER", "seasonal[1].thresholdTarget", "97",
				"seasonal[1].warning", "95"));
		assertThat(bad).hasStatus(422).bodyText()
			.contains("Nothing was saved", "id=\"field-seasonal[0]-thresholdTarget-error\"",
					"must be a number (use a dot for decimals)", "id=\"field-seasonal[1]-from-error\"",
					"href=\"#field-seasonal[1]-from\"");
		then(kpis).should(never()).update(any(), any(), any());

		// the module's rules name the entry by its place among those sent: shown at the row it came from
		given(kpis.update(eq("uptime"), any(), any())).willThrow(new InvalidInputException(
				"thresholdsByPeriod[0].warning", "must be below the target when higher is better (amber lies between warning and target)"));
		var refused = mvc.post().uri("/kpis/uptime/edit").with(csrf()).params(form("name", "Uptime", "thresholdTarget", "99",
				"warning", "98", "version", "3", "seasonal[0].from", "2026-12-01", "seasonal[0].thresholdDirection",
				"HIGHER_IS_BETTER", "seasonal[0].thresholdTarget", "99.5", "seasonal[0].warning", "98",
				"seasonal[0].remove", "true", "seasonal[1].from", "2027-01-01", "seasonal[1].thresholdDirection",
				"HIGHER_IS_BETTER", "seasonal[1].thresholdTarget", "90", "seasonal[1].warning", "95"));
		assertThat(refused).hasStatus(422).bodyText()
			.contains("id=\"field-seasonal[1]-warning-error\"", "must be below the target when higher is better")
			.doesNotContain("id=\"field-seasonal[0]-warning-error\"");
	}

	private static dev.tandem.kpi.KpiView.PeriodThresholdView seasonalEntry(String from, double target, double warning) {
		return new dev.tandem.kpi.KpiView.PeriodThresholdView(java.time.LocalDate.parse(from), Direction.HIGHER_IS_BETTER,
				target, warning, null, null, null, null, null, null);
	}

	private static dev.tandem.kpi.KpiView withSeasonal(dev.tandem.kpi.KpiView.PeriodThresholdView... entries) {
		var k = KpiViewFixtures.threshold("uptime", "Uptime", "platform", HealthStatus.RED, 50.0);
		return new dev.tandem.kpi.KpiView(k.id(), k.key(), k.name(), k.description(), k.team(), k.owner(), k.unit(),
				k.currency(), k.min(), k.max(), k.formula(), k.source(), k.frequency(), k.aggregation(), k.category(),
				k.indicator(), k.drivers(), k.shape(), k.direction(), k.target(), k.warning(), k.lower(), k.upper(),
				k.tolerance(), k.baseline(), k.baselineDate(), k.targetDate(), List.of(entries), k.version(),
				k.createdAt(), k.updatedAt(), k.health());
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
