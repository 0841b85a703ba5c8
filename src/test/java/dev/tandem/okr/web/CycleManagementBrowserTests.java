package dev.tandem.okr.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * Managing cycles and pruning OKRs in the browser, on the demo organisation: planning the next
 * quarter, deleting a key result and an objective (and being told why one that others align to
 * stays), and closing the running quarter through its confirmation step. It closes and deletes
 * what the other walks of the demo look at, so it runs on a database of its own. Each page is
 * screenshot and audited by axe.
 */
@BrowserTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.test.context=cycle-management" })
class CycleManagementBrowserTests {

	static final String PASSWORD = "tandem-demo";

	@Test
	void anAdministratorPlansTheNextQuarterPrunesTheRunningOneAndClosesIt(BrowserSession browser) {
		browser.signIn("maria", PASSWORD);
		browser.open("/okrs");
		var page = browser.page();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage cycles")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Cycles");
		var rows = page.locator("#cycle-table tbody tr");
		assertThat(rows).hasCount(2);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Active"))).hasCount(1);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Closed"))).hasCount(1);
		browser.check("cycles");

		// only the chosen period's inputs show
		var quarter = page.getByLabel("Quarter", new Page.GetByLabelOptions().setExact(true));
		assertThat(quarter).isVisible();
		assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).isHidden();
		page.getByLabel("Dates of my own").check();
		assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).isVisible();
		assertThat(quarter).isHidden();
		page.getByLabel("A quarter").check();

		var offered = quarter.inputValue();
		org.assertj.core.api.Assertions.assertThat(offered).matches("\\d{4}-Q[1-4]");
		quarter.fill("2027-Q5");
		browser.expectErrorStatus("/cycles");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create cycle")).click();
		assertThat(page.locator(".error-summary")).containsText("quarter: must look like 2026-Q4");
		assertThat(page.locator("#field-quarter-error")).containsText("must look like 2026-Q4");
		browser.check("cycles-invalid");

		quarter.fill(offered);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create cycle")).click();
		assertThat(page.locator(".notice--success")).containsText("Cycle “" + offered + "” created");
		assertThat(rows).hasCount(3);
		assertThat(rows.first()).containsText(offered);
		assertThat(rows.first()).containsText("Planning");
		browser.check("cycles-planned");

		// a key result, then an objective, from their edit pages, each after its confirmation
		browser.open("/okrs");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Win the Formula 1 Championship")).click();
		var keyResults = page.locator("#key-results tbody tr");
		assertThat(keyResults.first()).isVisible();
		int keyResultsBefore = keyResults.count();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Achieve pole position in 50 % of races")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete key result…")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Delete “Achieve pole position in 50 % of races”?");
		assertThat(page.locator(".confirm")).containsText("check-in");
		browser.check("key-result-delete");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete key result")).click();
		assertThat(page.locator(".notice--success")).containsText("Key result “Achieve pole position in 50 % of races” deleted.");
		assertThat(keyResults).hasCount(keyResultsBefore - 1);
		assertThat(page.locator("#key-results")).not().containsText("Achieve pole position");

		// another objective aligns to this one: the confirmation says why it cannot go, and offers no button
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit objective")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete objective…")).click();
		assertThat(page.locator("#confirm-refusal")).containsText("aligns to, contributes to or was carried over from this one; change it first");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete objective"))).hasCount(0);
		browser.check("objective-delete-refused");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Win the Formula 1 Championship");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Master the pit-stop choreography")).first().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit objective")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete objective…")).click();
		assertThat(page.locator(".confirm")).containsText("Deleted with it: its 1 key result");
		browser.check("objective-delete");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete objective")).click();
		assertThat(page).hasURL(Pattern.compile("/okrs\\?cycle=\\d+$"));
		assertThat(page.locator(".notice--success")).containsText("Objective “Master the pit-stop choreography” deleted");
		assertThat(page.locator("#okr-tree")).not().containsText("Master the pit-stop choreography");

		// the running quarter, closed after its confirmation
		browser.open("/cycles");
		var running = rows.filter(new Locator.FilterOptions().setHasText("Active"));
		running.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Close "))).click();
		assertThat(page.locator(".confirm")).containsText("objectives");
		assertThat(page.locator(".confirm")).containsText("Retrospective notes can still be written");
		browser.check("cycle-close");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the cycle")).click();
		assertThat(page.locator(".notice--success")).containsText("closed: its scores are final");
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Active"))).hasCount(0);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Closed"))).hasCount(2);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Close ")))).hasCount(0);
		browser.check("cycles-closed");

		browser.phone();
		browser.open("/cycles");
		var overflow = (Boolean) page.evaluate(
				"() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
		org.assertj.core.api.Assertions.assertThat(overflow).as("the cycles page scrolls sideways on a phone").isFalse();
		browser.check("cycles-phone");
	}

	@Test
	void aViewerReadsTheCyclesButIsOfferedNothingToChange(BrowserSession browser) {
		browser.signIn("olivia", PASSWORD);
		browser.open("/okrs");
		var page = browser.page();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All cycles")).click();
		assertThat(page.locator("#cycle-table tbody tr").first()).isVisible();
		assertThat(page.locator("#cycle-form")).hasCount(0);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^(Edit|Close) "))))
			.hasCount(0);
		assertThat(page.locator("main")).containsText("an administrator");
		browser.check("cycles-as-viewer");
		browser.open("/cycles/1/close", 403);
	}
}
