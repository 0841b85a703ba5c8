package dev.tandem.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiAdvice;
import dev.tandem.kpi.KpiChange;
import dev.tandem.kpi.KpiViewFixtures;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.MeasurementFileImport;
import dev.tandem.kpi.Mode;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Trend;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.org.Role;
import dev.tandem.org.TeamView;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.sheet.PdfReports;
import dev.tandem.web.PageSlice;

@WebMvcTest(KpiPageController.class)
@Import(PageSlice.class)
@WithMockUser
class KpiPageControllerTests {

	static final TeamView PLATFORM = new TeamView(7, "platform", "Patient platform", null);

	static final PersonView SAM = new PersonView(3, "sam", "Sam Okafor", null, Role.MEMBER, List.of("platform"), true);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Kpis kpis;

	@MockitoBean
	MeasurementFileImport csv;

	@MockitoBean
	PdfReports reports;

	@MockitoBean
	Organisation organisation;

	@MockitoBean
	Permissions permissions;

	@MockitoBean
	KpiAdvice advice;

	@BeforeEach
	void uptime() {
		var kpi = KpiViewFixtures.kpi("uptime", "Registration uptime", "platform", Shape.THRESHOLD, HealthStatus.RED, 50.0,
				Trend.WORSENING, 3, Mode.IMPROVING, 42L);
		given(kpis.get("uptime")).willReturn(kpi);
		given(kpis.drivenBy("uptime")).willReturn(List.of(new dev.tandem.kpi.KpiName(5, "signups", "Weekly signups")));
		given(kpis.periods(eq("uptime"), any(), any(), any())).willReturn(List.of(
				new PeriodValue(LocalDate.of(2026, 3, 8), 98.0, 1, KpiViewFixtures.NOW),
				new PeriodValue(LocalDate.of(2026, 3, 9), 50.0, 1, KpiViewFixtures.NOW)));
		given(kpis.history("uptime")).willReturn(List.of(new KpiChange(Instant.parse("2026-01-01T00:00:00Z"), "maria",
				"created", null, "Registration uptime", null),
				new KpiChange(Instant.parse("2026-02-01T00:00:00Z"), "maria", "target", "98.0", "99.0", null)));
		given(organisation.findTeam("platform")).willReturn(Optional.of(PLATFORM));
		given(organisation.findPerson("sam")).willReturn(Optional.of(SAM));
		given(permissions.mayRecord(7, 3L)).willReturn(true);
	}

	@Test
	void showsHealthChartDefinitionAndHistoryWithTheFormsForAnEditor() {
		given(permissions.mayEdit(7)).willReturn(true);
		given(permissions.mayRecord(7, 3L)).willReturn(true);

		var page = mvc.get().uri("/kpis/uptime");
		assertThat(page).hasStatusOk().hasViewName("kpi/kpi").model().containsKeys("chart", "changes", "measurement");
		assertThat(page).bodyText()
			.contains("<title>Registration uptime · Tandem</title>", "data-zones=", "Worsening, 3 periods running",
					"href=\"/objectives/42\"", "href=\"/kpis/signups\">Weekly signups</a>", "Edit KPI", "Record value", "Import file", "Sam Okafor", "up / all",
					"9 Mar 2026", "aria-current=\"page\">Day</a>", "Possible values", "0 to 100 (the unit’s default)")
			.containsSubsequence("Changes to the definition", "target", "98.0", "99.0", "created");
	}

	@Test
	void namesTheObjectiveImprovingTheKpiByItsTitle() {
		given(advice.objectiveTitle(42L)).willReturn(Optional.of("Bring registrations back"));
		assertThat(mvc.get().uri("/kpis/uptime")).hasStatusOk().bodyText()
			.containsSubsequence("Improving:", "href=\"/objectives/42\"", ">Bring registrations back</a> is moving it")
			.doesNotContain("objective #42");
	}

	@Test
	void saysWhatWaitsInTheInboxAndListsTheProposalsWithTheirOutcome() {
		var at = Instant.parse("2026-03-02T08:00:00Z");
		given(advice.proposals("uptime", KpiPageController.PROPOSALS_SHOWN)).willReturn(List.of(
				new KpiAdvice.Proposal(15, "OPEN", "RED", "Restore uptime to health", at, null, null, null, null, null),
				new KpiAdvice.Proposal(11, "ACCEPTED", "WORSENING", "Reverse the decline of uptime", at, at, "maria", null,
						4L, "Win back uptime"),
				new KpiAdvice.Proposal(8, "DISMISSED", "RED", "Restore uptime", at, at, "sam", "vendor <b>outage</b>",
						null, null)));
		given(advice.waitingGraduation("uptime")).willReturn(Optional.of(new KpiAdvice.Graduation(9, "Uptime to 99.5 %", 99.5, 1)));

		var page = mvc.get().uri("/kpis/uptime");
		assertThat(page).hasStatusOk().bodyText()
			// the banners link to the inbox's entries
			.containsSubsequence("id=\"waiting-proposal\"", "“Restore uptime to health”", "href=\"/inbox?proposal=15#proposal-15\"")
			.containsSubsequence("id=\"waiting-graduation\"", "99.5 %", "“Uptime to 99.5 %”", "1 more competing",
					"href=\"/inbox?graduation=9#graduation-9\"")
			// the history, each entry its own anchor, its outcome said
			.containsSubsequence("id=\"proposals\"", "id=\"proposal-15\"", "Waiting for a decision",
					"href=\"/inbox?proposal=15#proposal-15\"", "id=\"proposal-11\"", "Accepted by maria", "href=\"/objectives/4\"", ">Win back uptime</a>",
					"id=\"proposal-8\"", "Dismissed by sam", "vendor &lt;b&gt;outage&lt;/b&gt;")
			.doesNotContain(">objective #4</a>");
	}

	@Test
	void nothingWaitingMeansNoBannerAndAnEmptyHistory() {
		var page = mvc.get().uri("/kpis/uptime");
		assertThat(page).hasStatusOk().bodyText()
			.doesNotContain("id=\"waiting-proposal\"", "id=\"waiting-graduation\"", "/inbox#")
			.contains("id=\"proposals\"", "None yet: a proposal is made when this KPI turns red");
	}

	@Test
	void hidesTheFormsFromThoseWhoMayNotUseThem() {
		given(permissions.mayRecord(7, 3L)).willReturn(false);
		var page = mvc.get().uri("/kpis/uptime");
		assertThat(page).hasStatusOk().bodyText()
			.doesNotContain("Edit KPI", "Record value", "Import file")
			.contains("Only its owner, an editor of its team or an administrator may record values");
	}

	@Test
	void aPeriodSwitchFromHtmxRendersOnlyTheOverview() {
		var result = mvc.get().uri("/kpis/uptime?period=MONTHLY").header("HX-Request", "true").header("HX-Target", "kpi-overview");
		assertThat(result).hasStatusOk().bodyText()
			.startsWith("<section class=\"card\" id=\"kpi-overview\"")
			.contains("History per month", "Mar 2026")
			.doesNotContain("<html", "Changes to the definition");
		then(kpis).should().periods(eq("uptime"), any(), any(), eq(Frequency.MONTHLY));
	}

	@Test
	void aNewPageOfChangesFromHtmxRendersOnlyTheChanges() {
		assertThat(mvc.get().uri("/kpis/uptime?page=0").header("HX-Request", "true").header("HX-Target", "kpi-changes"))
			.hasStatusOk().bodyText().startsWith("<section class=\"card\" id=\"kpi-changes\"").contains("2 changes");
	}

	@Test
	void anUnknownKpiIsNotFound() {
		given(kpis.get("nope")).willThrow(new dev.tandem.problem.NotFoundException("KPI", "nope"));
		assertThat(mvc.get().uri("/kpis/nope")).hasStatus(404);
	}

	@Test
	void recordsAValueAndRedirectsWithANotice() {
		var result = mvc.post().uri("/kpis/uptime/measurements").with(csrf())
			.param("value", "97.5").param("at", "2026-03-10T09:00").param("note", "after the fix").exchange();
		assertThat(result).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/kpis/uptime");
		assertThat(result).flash().containsEntry("notice", "Recorded 97.5 % for 10 Mar 2026.");
		then(kpis).should().record(eq(List.of(new dev.tandem.kpi.NewMeasurement("uptime",
				Instant.parse("2026-03-10T09:00:00Z"), 97.5, "after the fix"))), any(), eq(Source.MANUAL));
	}

	@Test
	void someoneWhoMayNotRecordIsRefusedBeforeTheirInputIsRead() {
		given(permissions.mayRecord(7, 3L)).willReturn(false);
		assertThat(mvc.post().uri("/kpis/uptime/measurements").with(csrf()).param("value", "oops")).hasStatus(403);
		assertThat(mvc.post().uri("/kpis/uptime/measurements/import").multipart().with(csrf())
			.file(new MockMultipartFile("file", "a.csv", "text/csv", "2026-03-01,1\n".getBytes()))).hasStatus(403);
		then(kpis).should(never()).record(anyList(), any(), any());
		then(csv).should(never()).importRows(any(), any());
	}

	@Test
	void aValueThatIsNotANumberComesBackWithItsMessageAndNothingRecorded() {
		given(permissions.mayRecord(7, 3L)).willReturn(true);
		var result = mvc.post().uri("/kpis/uptime/measurements").with(csrf()).param("value", "lots").param("at", "");
		assertThat(result).hasStatus(422).bodyText()
			.contains("must be a number (use a dot for decimals)", "Enter when it was measured.",
					"aria-invalid=\"true\"");
		then(kpis).should(never()).record(anyList(), any(), any());
	}

	@Test
	void theKpiModulesRefusalIsShownAtItsField() {
		given(permissions.mayRecord(7, 3L)).willReturn(true);
		given(kpis.record(anyList(), any(), any())).willThrow(new InvalidInputException("value",
				"at: 2099-01-01T00:00:00Z is not plausible; it must lie between 1900-01-01 and tomorrow"));
		var result = mvc.post().uri("/kpis/uptime/measurements").with(csrf()).param("value", "1").param("at", "2099-01-01T00:00");
		assertThat(result).hasStatus(422).bodyText().contains("is not plausible; it must lie between 1900-01-01 and tomorrow",
				"id=\"field-at-error\"");
	}

	@Test
	void anImportFromHtmxListsEachBadLine() {
		given(csv.importRows(eq("uptime"), any())).willThrow(new InvalidInputException(
				List.of(new FieldProblem("line 3", "value: 'abc' is not a number (use a dot for decimals)"))));
		var result = mvc.post().uri("/kpis/uptime/measurements/import").multipart().with(csrf()).header("HX-Request", "true")
			.file(new MockMultipartFile("file", "uptime.csv", "text/csv", "2026-03-01,97\n2026-03-02,abc\n".getBytes()));
		assertThat(result).hasStatus(422).bodyText()
			.startsWith("<div id=\"import-result\"")
			.contains("Nothing was imported", "Line 3", "value: &#39;abc&#39; is not a number");
	}

	@Test
	void aGoodImportFromHtmxSaysHowManyAndAsksTheChartToRefresh() {
		given(csv.importRows(eq("uptime"), any())).willReturn(2);
		var result = mvc.post().uri("/kpis/uptime/measurements/import").multipart().with(csrf()).header("HX-Request", "true")
			.file(new MockMultipartFile("file", "uptime.csv", "text/csv", "2026-03-01,97\n2026-03-02,98\n".getBytes()));
		assertThat(result).hasStatusOk().hasHeader("HX-Trigger", "measurements-changed").bodyText()
			.contains("Imported 2 values from uptime.csv.");
	}

	@Test
	void anImportWithoutAFileIsRefusedOnTheFullPageWithoutScript() {
		var result = mvc.post().uri("/kpis/uptime/measurements/import").multipart().with(csrf())
			.file(new MockMultipartFile("file", "", "text/csv", new byte[0]));
		assertThat(result).hasStatus(422).hasViewName("kpi/kpi").bodyText().contains("choose a CSV file");
		then(csv).should(never()).importRows(any(), any());
	}
}
