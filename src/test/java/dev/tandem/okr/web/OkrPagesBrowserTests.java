package dev.tandem.okr.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * The OKR half of the web UI walked as people use it, on the demo organisation (a graded past
 * quarter and a running one with weekly check-ins): the cycle's alignment tree and its filters,
 * an objective's page, writing an objective and a key result with the coach watching, a full
 * weekly check-in, a proposal from the inbox turned into an active objective, and the cycle
 * review on screen and on paper. Each page is screenshot and audited by axe.
 */
@BrowserTest
@TestPropertySource(properties = "tandem.demo=true")
class OkrPagesBrowserTests {

	static final String PASSWORD = "tandem-demo";

	@Test
	void theCycleShowsItsAlignmentTreeAndFiltersByTeam(BrowserSession browser) {
		browser.signIn("maria", PASSWORD);
		var page = browser.page();
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("OKRs")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("OKRs ·");
		var company = page.locator(".okr-tree > .okr-node").filter(new Locator.FilterOptions().setHasText("Customers trust us"));
		assertThat(company.locator(".okr-level").first()).hasText("Company");
		// a team objective aligned to it sits beneath it, and an individual one beneath that
		assertThat(company.locator("ul .okr-node__row--team").first()).isVisible();
		assertThat(company.locator("ul ul .okr-node__row--individual").first()).isVisible();
		assertThat(company.locator(".okr-score").first()).hasText(Pattern.compile("\\d\\.\\d\\d"));
		assertThat(company.locator(".badge").first()).isVisible();
		browser.check("okr-cycle");

		page.locator("#filter-team").selectOption(new SelectOption().setLabel("Sales"));
		assertThat(page).hasURL(Pattern.compile("team=sales"));
		assertThat(page.locator(".okr-node")).hasCount(1);
		assertThat(page.locator(".okr-node")).containsText("Improve sales efficiency");
		assertThat(page.locator(".okr-node")).containsText("(aligned to an objective not shown here)");
		browser.check("okr-cycle-sales");

		page.locator("#filter-team").selectOption("");
		page.locator("#filter-cycle").selectOption(new SelectOption().setIndex(0));
		assertThat(page.locator("#okr-tree")).containsText("Closed");
		browser.check("okr-cycle-past");

		browser.phone();
		browser.open("/okrs");
		assertNoHorizontalScroll(page);
		browser.check("okr-cycle-phone");
	}

	@Test
	void anObjectiveShowsItsKeyResultsForecastGuardrailsAndHistory(BrowserSession browser) {
		browser.signIn("maria", PASSWORD);
		browser.open("/okrs");
		var page = browser.page();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Create a customer support experience that builds long-term loyalty")).click();
		assertThat(page.locator("#key-results tbody tr")).hasCount(2);
		assertThat(page.locator("#key-results")).containsText("follows repeat-complaints");
		assertThat(page.locator("section:has(h2:text('Forecast: Reduce repeat complaints to 3.5 %')) canvas")).isVisible();
		assertThat(page.locator("#guardrails")).containsText("csat");
		assertThat(page.locator("#alignment")).containsText("Customers trust us with what matters to them");
		assertThat(page.locator("#alignment")).containsText("Every repeat complaint gets a root cause");
		assertThat(page.locator("#objective-check-ins li").first()).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit objective"))).isVisible();
		browser.check("okr-objective");

		var next = page.locator("#objective-check-ins .pagination").getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Next"));
		if (next.count() > 0) {
			next.click();
			assertThat(page.locator("#objective-check-ins .pagination__summary")).containsText("Showing 11–");
		}
		browser.phone();
		browser.open(page.url().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", ""));
		assertNoHorizontalScroll(page);
		browser.check("okr-objective-phone");
	}

	@Test
	void anEditorWritesAnObjectiveWithTheCoachThenItsKeyResultAndGuardrail(BrowserSession browser) {
		browser.signIn("priya", PASSWORD);
		browser.open("/okrs");
		var page = browser.page();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New objective")).click();
		page.waitForLoadState();
		assertThat(page.locator("#field-team option")).hasCount(2);
		browser.expectErrorStatus("/objectives/new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create objective")).click();
		assertThat(page.locator(".error-summary")).containsText("title: is required");
		assertThat(page.locator("#field-title-error")).containsText("is required");
		browser.check("okr-objective-new-invalid");

		page.getByLabel("Title").fill("Cut response time by 30 %");
		assertThat(page.locator("#coach-live")).containsText("NUMERIC_OBJECTIVE");
		page.getByLabel("Title").fill("Answer every customer while they still care");
		assertThat(page.locator("#coach-live")).not().containsText("NUMERIC_OBJECTIVE");
		page.getByLabel("Team").selectOption("customer-support");
		// the parent is picked: type part of its title, move to the match, choose it; the field holds its id
		page.getByLabel("Aligned to").pressSequentially("support experience");
		var parentOption = page.locator("#field-parentId-options [role=option]").first();
		assertThat(parentOption).containsText("Create a customer support experience that builds long-term loyalty (");
		assertThat(parentOption).containsText(", team, " + page.locator("#field-cycle option:checked").textContent() + ")");
		page.locator("#field-parentId").press("ArrowDown");
		page.locator("#field-parentId").press("Enter");
		assertThat(page.locator("#field-parentId")).hasValue(java.util.regex.Pattern.compile("\\d+"));
		assertThat(page.locator("#field-parentId-chosen"))
			.containsText("Chosen: Create a customer support experience that builds long-term loyalty");
		browser.check("okr-objective-new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create objective")).click();
		assertThat(page.locator(".notice--success")).containsText("created");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Answer every customer while they still care");
		assertThat(page.locator("#alignment")).containsText("Create a customer support experience that builds long-term loyalty");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add key result").setExact(true)).click();
		page.waitForLoadState();
		page.getByLabel("Key result", new Page.GetByLabelOptions().setExact(true)).fill("Launch the new chat widget");
		assertThat(page.locator("#coach-live")).containsText("TASK_NOT_OUTCOME");
		page.getByLabel("Key result", new Page.GetByLabelOptions().setExact(true)).fill("Reduce first response time from 4.5 to 3 hours");
		page.getByLabel("Baseline").fill("4.5");
		browser.expectErrorStatus(page.url().replaceFirst("^https?://[^/]+", ""));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add key result")).click();
		assertThat(page.locator("#field-target-error")).containsText("is required");
		browser.check("okr-key-result-invalid");
		page.getByLabel("Target").fill("3");
		page.getByLabel("Unit").fill("hours");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add key result")).click();
		assertThat(page.locator(".notice--success")).containsText("added");
		assertThat(page.locator("#key-results tbody tr")).hasCount(1);

		page.locator("#guardrails summary").click();
		// the picker: type part of the name, move to the match with the arrow key, choose it with Enter
		page.locator("#guardrails").getByLabel("Add a guarding KPI").pressSequentially("satisf");
		assertThat(page.locator("#picker-kpi-options [role=option]").first()).containsText("Customer satisfaction");
		page.locator("#picker-kpi").press("ArrowDown");
		page.locator("#picker-kpi").press("Enter");
		assertThat(page.locator("#picker-kpi")).hasValue("csat");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save guardrails")).click();
		assertThat(page.locator(".notice--success")).containsText("Guardrails saved: csat");
		assertThat(page.locator("#guardrails .okr-guardrails")).containsText("csat");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit objective")).click();
		assertThat(page.locator("#field-parentId-chosen"))
			.containsText("Chosen: Create a customer support experience that builds long-term loyalty");
		page.getByLabel("Why it matters").fill("Customers remember how long they waited.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(page.locator(".page-header__lead")).hasText("Customers remember how long they waited.");
		assertThat(page.locator("#objective-changes")).containsText("description");
		browser.check("okr-objective-written");
	}

	@Test
	void aFullWeeklyCheckInOnOneScreen(BrowserSession browser) {
		browser.signIn("lee", PASSWORD);
		var page = browser.page();
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Check-in")).click();
		var rows = page.locator("fieldset.okr-check-in");
		assertThat(rows.first()).isVisible();
		org.assertj.core.api.Assertions.assertThat(rows.count()).isGreaterThanOrEqualTo(2);
		assertThat(page.locator("#rubric-title")).isVisible();
		// the linked key result arrives with the KPI's value filled in
		var linked = rows.filter(new Locator.FilterOptions().setHasText("Reduce repeat complaints to 3.5 %"));
		assertThat(linked.locator(".field__hint").first()).containsText("From repeat-complaints");
		org.assertj.core.api.Assertions.assertThat(linked.locator("input[type=number]").first().inputValue()).isNotEmpty();
		browser.check("okr-check-in");

		browser.expectErrorStatus("/check-in");
		page.locator("#row-0-confidence").fill("12");
		page.locator("#row-0-changed").fill("Weekly review with product moved two fixes forward.");
		page.locator("#row-0-changed").press("Enter");
		assertThat(page.locator(".error-summary")).containsText("Nothing was recorded");
		assertThat(page.locator("#row-0-confidence-error")).containsText("10");
		browser.check("okr-check-in-invalid");

		// count the rows before saving: after the save the page no longer shows the form
		int keyResults = rows.count();
		for (int i = 0; i < keyResults; i++) {
			page.locator("#row-" + i + "-confidence").fill(String.valueOf(6 + i % 3));
		}
		page.locator("#row-1-blockers").fill("Two agents short until January.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save all check-ins")).click();
		assertThat(page.locator(".notice--success")).containsText("Checked in on " + keyResults + " key results");
		assertThat(page.locator(".okr-recorded li")).hasCount(keyResults);
		browser.check("okr-check-in-done");
	}

	@Test
	void aProposalFromTheInboxBecomesAnActiveObjective(BrowserSession browser) {
		browser.signIn("maria", PASSWORD);
		browser.open("/inbox");
		var page = browser.page();
		var uptime = page.locator(".proposal").filter(new Locator.FilterOptions().setHasText("Patient registration uptime"));
		uptime.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept as a draft OKR")).click();
		assertThat(page.locator(".notice--success")).containsText("Accepted: draft objective");
		assertThat(page.locator(".notice--success").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
			.setName("Open the draft"))).isVisible();

		// the KPI now names the objective improving it: follow that to the draft
		browser.open("/kpis/registration-uptime");
		var improving = page.locator("#kpi-overview dd").filter(new Locator.FilterOptions().setHasText("Improving:"))
			.getByRole(AriaRole.LINK);
		var title = improving.textContent().strip();
		org.junit.jupiter.api.Assertions.assertFalse(title.matches("objective #\\d+"), "named by its title, not its id: " + title);
		improving.click();
		assertThat(page.locator("h1")).containsText(title);
		assertThat(page.locator(".notice--warning")).containsText("A draft");
		assertThat(page.locator("#key-results")).containsText("follows registration-uptime");
		browser.check("okr-objective-draft");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate")).click();
		assertThat(page.locator(".notice--success")).containsText("Activated");
		assertThat(page.locator(".notice--warning")).hasCount(0);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate"))).hasCount(0);
	}

	@Test
	void theCycleReviewShowsGradesRetrospectivesAndTheKpisAroundTheCycleAndPrints(BrowserSession browser) {
		browser.signIn("sam", PASSWORD);
		var page = browser.page();
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Review")).click();
		assertThat(page.locator(".review-summary")).containsText("Closed");
		org.assertj.core.api.Assertions.assertThat(page.locator(".review-objective").count()).isGreaterThanOrEqualTo(7);
		assertThat(page.locator(".review-objective").first().locator(".okr-grade")).hasText(Pattern.compile("\\d\\.\\d\\d"));
		assertThat(page.locator(".review-retro").first()).not().containsText("Not written yet");
		assertThat(page.locator(".review-chart canvas[data-zones]").first()).isVisible();
		assertThat(page.locator(".review-chart__means").first()).containsText("Before");
		browser.check("okr-review");

		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
		assertThat(page.locator(".site-header")).isHidden();
		assertThat(page.locator(".review-picker")).isHidden();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print or save as PDF"))).isHidden();
		browser.screenshot("okr-review-print");
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

		page.locator("#review-cycle").selectOption(new SelectOption().setIndex(1));
		assertThat(page).hasURL(Pattern.compile("cycle="));
		assertThat(page.locator(".review-summary")).containsText("not graded yet");
		browser.check("okr-review-running");
	}

	@Test
	void aViewerReadsEverythingAndSeesNoControlsItCannotUse(BrowserSession browser) {
		browser.signIn("olivia", PASSWORD);
		browser.open("/okrs");
		var page = browser.page();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New objective"))).hasCount(0);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Win the Formula 1 Championship")).click();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit objective"))).hasCount(0);
		assertThat(page.locator("#guardrails summary")).hasCount(0);
		browser.check("okr-objective-as-viewer");
		browser.open("/objectives/new", 403);
		browser.open("/check-in");
		assertThat(page.locator("main")).containsText("Nothing to check in on");
		browser.check("okr-check-in-empty");
	}

	private static void assertNoHorizontalScroll(Page page) {
		var overflow = (Boolean) page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
		org.assertj.core.api.Assertions.assertThat(overflow).as("the page scrolls sideways on " + page.url()).isFalse();
	}
}
