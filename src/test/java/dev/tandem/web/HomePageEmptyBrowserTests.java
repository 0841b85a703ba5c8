package dev.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/** The home page of a fresh installation: a context of its own, so that its database has no team at all. */
@BrowserTest
@TestPropertySource(properties = "tandem.test.context=fresh-installation")
class HomePageEmptyBrowserTests {

	@Test
	void aFreshInstallationExplainsWhereTheTeamsWillBe(BrowserSession browser) {
		browser.signIn();
		browser.open("/");
		var page = browser.page();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No teams yet"))).isVisible();
		assertThat(page.locator(".empty-state").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("No teams yet")))
			.containsText("Every KPI and OKR in Tandem belongs to a team");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No KPIs yet"))).isVisible();
		assertThat(page.locator(".tree")).hasCount(0);
		browser.check("home-empty");
		browser.phone();
		browser.check("home-empty-phone");
	}
}
