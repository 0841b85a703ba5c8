package dev.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * The loop inbox and the administrator's pages walked on the demo organisation: dismissing a
 * proposal with a reason, accepting a graduation, adding a team and a person. Each page is
 * screenshot and audited by axe.
 */
@BrowserTest
// a demo database of its own: other walks accept the uptime proposal, which takes its driver
// (registration errors) on and withdraws the proposal this walk dismisses
@TestPropertySource(properties = { "tandem.demo=true", "tandem.test.context=loop-inbox" })
class LoopAndAdminBrowserTests {

	@Test
	void theInboxDecidesProposalsAndGraduations(BrowserSession browser) {
		browser.signIn("maria", "tandem-demo");
		browser.open("/inbox");
		var page = browser.page();
		assertThat(page.locator("#owed")).containsText("What I owe");
		assertThat(page.locator("#alerts")).containsText("csat");
		browser.check("inbox");

		var errors = page.locator(".proposal").filter(new Locator.FilterOptions().setHasText("Restore Registration errors"));
		errors.locator("summary").click();
		errors.getByLabel("Why dismiss it?").fill("Covered by the uptime objective");
		errors.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dismiss").setExact(true)).click();
		assertThat(page.locator(".notice--success")).containsText("Dismissed the proposal for Registration errors");
		assertThat(page.locator(".proposal").filter(new Locator.FilterOptions().setHasText("Restore Registration errors")))
			.hasCount(0);

		var graduation = page.locator("#graduations tr").filter(new Locator.FilterOptions().setHasText("to 3.5 %"));
		graduation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
		assertThat(page.locator(".notice--success")).containsText("Raised repeat-complaints");
		browser.check("inbox-decided");

		browser.phone();
		browser.open("/inbox");
		browser.check("inbox-phone");
	}

	@Test
	void anAdministratorAddsATeamAndAPerson(BrowserSession browser) {
		browser.signIn("maria", "tandem-demo");
		browser.open("/admin/teams");
		var page = browser.page();
		page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Data Platform");
		page.getByLabel("Key").fill("data-platform");
		page.getByLabel("Part of").selectOption("northwind");
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add team")).click();
		assertThat(page.locator(".notice--success")).containsText("Added the team Data Platform");
		browser.check("admin-teams");

		browser.open("/admin/people");
		page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Noor Haddad");
		page.getByLabel("Username").fill("noor");
		page.getByLabel("Password").fill("short");
		browser.expectErrorStatus("/admin/people");
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add person")).click();
		assertThat(page.locator(".field--error")).containsText("must be 10 to 200 characters long");
		browser.check("admin-people-invalid");
		page.getByLabel("Password").fill("a-long-passphrase");
		page.getByLabel("Role").selectOption("EDITOR");
		page.getByLabel("Teams").selectOption("data-platform");
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add person")).click();
		assertThat(page.locator(".notice--success")).containsText("Added Noor Haddad (noor)");
		assertThat(page.locator("table")).containsText("data-platform");
		browser.check("admin-people");
	}
}
