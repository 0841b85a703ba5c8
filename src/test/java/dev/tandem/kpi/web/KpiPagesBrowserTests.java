package dev.tandem.kpi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * The KPI half of the web UI walked as people use it, on the demo organisation (a year of
 * history, every status): the dashboard and its filters, a KPI's page (period switch, a value
 * recorded, a CSV file with a bad line and then a good one), the KPI list, creating and
 * editing a KPI, signing in and the audit trail. Each page is screenshot and audited by axe.
 */
@BrowserTest
@TestPropertySource(properties = "tandem.demo=true")
class KpiPagesBrowserTests {

	static final String ADMIN = "maria";

	static final String PASSWORD = "tandem-demo";

	@Test
	void theDashboardShowsEveryKpiByTeamAndFiltersWithoutReloading(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		var page = browser.page();
		assertThat(page.locator(".focus__item").first()).containsText("Red");
		// the demo's fourteen KPIs, and any another test of this class has created
		var all = page.locator("#dashboard .tile").count();
		org.assertj.core.api.Assertions.assertThat(all).isGreaterThanOrEqualTo(14);
		assertThat(page.locator("#dashboard .tile").first().locator(".sparkline polyline")).hasCount(1);
		browser.check("dashboard");

		page.locator("#filter-status").selectOption("RED");
		assertThat(page).hasURL(Pattern.compile("status=RED"));
		assertThat(page.locator("#dashboard .tile")).hasCount(2);
		assertThat(page.locator("#dashboard .tile .badge")).hasText(new String[] { "Red", "Red" });
		page.locator("#filter-team").selectOption(new SelectOption().setLabel("Sales"));
		assertThat(page.locator("#dashboard")).containsText("No KPI matches these filters");
		browser.check("dashboard-filtered-empty");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear filters")).click();
		assertThat(page.locator("#dashboard .tile")).hasCount(all);
		page.locator("#dashboard .tile").filter(new Locator.FilterOptions().setHasText("Patient registration uptime")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Patient registration uptime").setLevel(1)))
			.isVisible();
	}

	@Test
	void onAPhoneTheDashboardAndAKpiPageFitTheScreen(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		browser.page().setViewportSize(375, 812);
		browser.open("/");
		assertNoHorizontalScroll(browser.page());
		browser.check("dashboard-phone");
		browser.open("/kpis/support-backlog");
		assertNoHorizontalScroll(browser.page());
		browser.check("kpi-band-phone");
	}

	@Test
	void aKpiPageSwitchesPeriodAndRecordsAValue(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		browser.open("/kpis/registration-uptime");
		var page = browser.page();
		assertThat(page.locator("#kpi-overview canvas[data-zones]")).isVisible();
		assertThat(page.locator("#kpi-overview")).containsText("History per day");
		assertThat(page.locator(".facts")).containsText("registration-errors");
		browser.check("kpi-threshold");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Week").setExact(true)).click();
		assertThat(page.locator("#kpi-overview")).containsText("History per week");
		assertThat(page).hasURL(Pattern.compile("period=WEEKLY"));
		assertThat(page.locator(".segmented a[aria-current=page]")).hasText("Week");
		browser.check("kpi-threshold-weekly");

		browser.expectErrorStatus("/kpis/registration-uptime/measurements");
		page.getByLabel("Value (%)").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record value")).click();
		assertThat(page.locator("#field-value-error")).hasText("Enter the value, e.g. 97.5.");
		browser.check("kpi-record-invalid");

		page.getByLabel("Value (%)").fill("99.4");
		page.getByLabel("Note").fill("After the fix");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record value")).click();
		assertThat(page.locator(".notice--success")).containsText("Recorded 99.4 %");
		assertThat(page).hasURL(Pattern.compile("/kpis/registration-uptime$"));
	}

	@Test
	void aCsvImportListsItsBadLinesThenRecordsAGoodFile(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		browser.open("/kpis/support-backlog");
		var page = browser.page();
		var yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		browser.expectErrorStatus("/kpis/support-backlog/measurements/import");
		page.locator("#import-file").setInputFiles(csv("bad.csv", "at,value\n" + yesterday + ",120\n" + yesterday + ",lots\n"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import file")).click();
		assertThat(page.locator("#import-result")).containsText("Nothing was imported");
		assertThat(page.locator("#import-result li")).hasText("Line 3: value: 'lots' is not a number (use a dot for decimals)");
		browser.check("kpi-import-errors");

		var now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
		page.locator("#import-file").setInputFiles(csv("good.csv", now.minusHours(2) + ",140\n" + now.plusHours(1) + ",149,end of day\n"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import file")).click();
		assertThat(page.locator("#import-result")).containsText("Imported 2 values from good.csv.");
		assertThat(page.locator("#upload-progress, #import-progress")).isHidden();
		// the overview fetched itself again after the import: the KPI's latest value is now the file's last line
		assertThat(page.locator(".health-summary__value")).hasText("149");
		browser.check("kpi-import-done");
	}

	@Test
	void aTrajectoryKpiShowsItsExpectedLine(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		browser.open("/kpis/average-deal-size");
		var page = browser.page();
		assertThat(page.locator(".chart-legend")).containsText("Expected on the trajectory");
		assertThat(page.locator("#kpi-overview")).containsText("Expected by now");
		browser.check("kpi-trajectory");
	}

	@Test
	void theKpiListSearchesAsYouType(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		browser.open("/kpis");
		var page = browser.page();
		org.assertj.core.api.Assertions.assertThat(page.locator("#kpi-list tbody tr").count()).isGreaterThanOrEqualTo(14);
		browser.check("kpi-list");
		page.locator("#kpi-search").fill("support");
		assertThat(page.locator("#kpi-list tbody tr")).hasCount(5);
		assertThat(page).hasURL(Pattern.compile("q=support"));
		page.locator("#kpi-search").fill("no such thing");
		assertThat(page.locator("#kpi-list")).containsText("No KPI matches your search");
		browser.check("kpi-list-no-match");
	}

	@Test
	void anEditorCreatesABandKpiFixingWhatTheFormSaysThenEditsIt(BrowserSession browser) {
		browser.signIn("priya", PASSWORD);
		browser.open("/kpis/new");
		var page = browser.page();
		assertThat(page.locator("#field-team option")).hasCount(2);
		page.getByLabel("Name").fill("Open chats");
		page.getByLabel("Key").fill("open-chats");
		page.getByLabel("Team").selectOption("customer-support");
		page.getByLabel("Shape").selectOption("BAND");
		assertThat(page.locator("fieldset[data-shape=BAND]")).isVisible();
		assertThat(page.locator("fieldset[data-shape=THRESHOLD]")).isHidden();
		page.getByLabel("Lower bound").fill("10");
		browser.check("kpi-new");

		browser.expectErrorStatus("/kpis/new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create KPI")).click();
		assertThat(page.locator(".error-summary")).containsText("upper: is required for this shape");
		assertThat(page.locator("#field-upper-error")).hasText("is required for this shape");
		browser.check("kpi-new-invalid");

		page.getByLabel("Upper bound").fill("40");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create KPI")).click();
		assertThat(page).hasURL(Pattern.compile("/kpis/open-chats$"));
		assertThat(page.locator(".notice--success")).containsText("KPI “Open chats” created");
		assertThat(page.locator("#kpi-overview")).containsText("No measurements in this range");
		browser.check("kpi-created");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit KPI")).click();
		page.getByLabel("Name").fill("Open chat sessions");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(page.locator(".notice--success")).containsText("saved");
		assertThat(page.locator("#kpi-changes")).containsText("Open chat sessions");
	}

	@Test
	void anEditorAddsASeasonalThresholdFixesItAndRemovesItAgain(BrowserSession browser) {
		browser.signIn("priya", PASSWORD);
		browser.open("/kpis/support-backlog/edit");
		var page = browser.page();
		assertThat(page.locator("#field-seasonal")).containsText("None: the thresholds above apply all year");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a seasonal threshold")).click();
		var row = page.locator("fieldset.seasonal-row");
		assertThat(row).hasCount(1);
		// the row takes the KPI's shape, a band: only the band's inputs show
		assertThat(row.locator("fieldset[data-shape=BAND]")).isVisible();
		assertThat(row.locator("fieldset[data-shape=THRESHOLD]")).isHidden();
		browser.check("kpi-seasonal-row");

		// a date far ahead, so that today's health is untouched; the upper bound left out
		page.locator("#field-seasonal\\[0\\]-from").fill("2099-12-01");
		page.locator("#field-seasonal\\[0\\]-lower").fill("100");
		browser.expectErrorStatus("/kpis/support-backlog/edit");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(page.locator(".error-summary")).containsText("seasonal[0].upper: is required for this shape");
		assertThat(page.locator("#field-seasonal\\[0\\]-upper-error")).hasText("is required for this shape");
		browser.check("kpi-seasonal-invalid");

		page.locator("#field-seasonal\\[0\\]-upper").fill("180");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(page.locator(".notice--success")).containsText("saved");
		assertThat(page.locator("#kpi-changes")).containsText("2099-12-01");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit KPI")).click();
		assertThat(page.locator("#field-seasonal\\[0\\]-from")).hasValue("2099-12-01");
		assertThat(page.locator("#field-seasonal\\[0\\]-upper")).hasValue("180.0");
		page.getByLabel("Remove this row when saving").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(page.locator(".notice--success")).containsText("saved");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit KPI")).click();
		assertThat(page.locator("fieldset.seasonal-row")).hasCount(0);
	}

	@Test
	void aViewerSeesNoFormsItCannotUse(BrowserSession browser) {
		browser.signIn("olivia", PASSWORD);
		browser.open("/kpis/csat");
		var page = browser.page();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit KPI"))).hasCount(0);
		assertThat(page.locator("#record")).hasCount(0);
		assertThat(page.locator("main")).containsText("Only its owner, an editor of its team or an administrator may record values");
		browser.check("kpi-as-viewer");
		browser.open("/kpis/new", 403);
	}

	@Test
	void signInSaysWhatWentWrongInTheDesignSystem(BrowserSession browser) {
		browser.open("/login");
		var page = browser.page();
		assertThat(page.locator(".sign-in__panel")).isVisible();
		browser.check("sign-in");
		page.locator("#username").fill(ADMIN);
		page.locator("#password").fill("wrong-password");
		page.locator("form:has(#password) [type=submit]").click();
		assertThat(page.locator(".notice--danger")).hasText("The username or password is wrong.");
		browser.check("sign-in-failed");
		browser.page().setViewportSize(375, 812);
		browser.check("sign-in-phone");
	}

	@Test
	void anAdministratorReadsTheAuditTrailFromTheUserMenu(BrowserSession browser) {
		browser.signIn(ADMIN, PASSWORD);
		var page = browser.page();
		page.locator(".user-menu summary").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit trail")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit trail").setLevel(1))).isVisible();
		assertThat(page.locator(".audit tbody tr").first()).isVisible();
		browser.check("audit");
		page.getByLabel("What").fill("team.created");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		assertThat(page.locator(".audit tbody tr").first()).containsText("team.created");
		browser.check("audit-filtered");
	}

	private static FilePayload csv(String name, String content) {
		return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertNoHorizontalScroll(Page page) {
		var overflow = (Boolean) page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
		org.assertj.core.api.Assertions.assertThat(overflow).as("the page scrolls sideways on " + page.url()).isFalse();
	}
}
