package dev.tandem.org;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * The administrator's pages walked on the demo organisation: adding a team, then a person
 * (refused first for a short password). Each page is screenshot and audited by axe.
 */
@BrowserTest
// the inbox walk's demo database (the same properties share its context), so that the team
// added here never shows up in the other walks' team trees and counts
@TestPropertySource(properties = { "tandem.demo=true", "tandem.test.context=loop-inbox" })
class OrganisationBrowserTests {

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
