package dev.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.tandem.TestUsers.unique;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;
import dev.tandem.org.NewTeam;
import dev.tandem.org.Organisation;

@BrowserTest
@Import(WebTestPages.class)
class HomePageBrowserTests {

	@Autowired
	Organisation organisation;

	@Test
	void homeShowsTheTeamTreeInTheLayout(BrowserSession browser) {
		var company = organisation.createTeam(new NewTeam(unique("acme"), "Acme Health", null));
		var care = organisation.createTeam(new NewTeam(unique("care"), "Patient care", company.key()));
		organisation.createTeam(new NewTeam(unique("registration"), "Patient registration", care.key()));
		organisation.createTeam(new NewTeam(unique("support"), "Customer support", company.key()));

		browser.signIn();
		browser.open("/");
		var page = browser.page();
		assertThat(page).hasTitle("Home · Tandem");
		assertThat(heading(page, "Home")).isVisible();
		assertThat(page.locator(".site-nav a[aria-current=page]")).hasText("Home");
		assertThat(page.locator(".user-menu summary")).containsText("Administrator");

		var acme = page.locator(".tree > li").filter(new Locator.FilterOptions().setHasText("Acme Health"));
		assertThat(acme.locator(":scope > ul > li > .tree__item .tree__name"))
			.hasText(new String[] { "Customer support", "Patient care" });
		assertThat(acme.locator("ul ul .tree__name")).hasText("Patient registration");
		browser.check("home");
	}

	@Test
	void navigationNamesEverySectionAndLeadsHome(BrowserSession browser) {
		browser.signIn();
		browser.open("/no-such-page", 404);
		var page = browser.page();
		var links = page.locator(".site-nav a");
		assertThat(links).hasText(new String[] { "Home", "KPIs", "OKRs", "Check-in", "Inbox", "Review" });
		var hrefs = links.evaluateAll("links => links.map(link => link.getAttribute('href'))");
		org.assertj.core.api.Assertions.assertThat(hrefs)
			.isEqualTo(java.util.List.of("/", "/kpis", "/okrs", "/check-in", "/inbox", "/review"));
		assertThat(page.locator(".site-nav a[aria-current]")).hasCount(0);

		links.first().click();
		assertThat(page).hasURL(browser.url("/"));
		assertThat(heading(page, "Home")).isVisible();
	}

	@Test
	void keyboardUsersCanSkipTheNavigation(BrowserSession browser) {
		browser.signIn();
		browser.open("/");
		var page = browser.page();
		page.keyboard().press("Tab");
		var skip = page.locator(".skip-link");
		assertThat(skip).isFocused();
		assertThat(skip).isInViewport();
		browser.screenshot("home-skip-link");
		page.keyboard().press("Enter");
		assertThat(page.locator("#main")).isFocused();
	}

	@Test
	void onAPhoneTheNavigationFoldsBehindAMenuButton(BrowserSession browser) {
		browser.signIn();
		browser.phone();
		browser.open("/");
		var page = browser.page();
		var toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
		var nav = page.locator("#site-nav");
		assertThat(toggle).isVisible();
		assertThat(toggle).hasAttribute("aria-expanded", "false");
		assertThat(nav).isHidden();
		browser.check("home-phone");

		toggle.click();
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		assertThat(nav.getByRole(AriaRole.LINK)).hasCount(6);
		assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Check-in"))).isVisible();
		browser.check("home-phone-menu");

		page.keyboard().press("Escape");
		assertThat(nav).isHidden();
		assertThat(toggle).isFocused();
	}

	@Test
	void signingOutFromTheUserMenuEndsTheSession(BrowserSession browser) {
		browser.signIn();
		browser.open("/");
		var page = browser.page();
		page.locator(".user-menu summary").click();
		var signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
		assertThat(signOut).isVisible();
		browser.check("home-user-menu");

		signOut.click();
		assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
		page.navigate(browser.url("/"));
		assertThat(page).hasURL(Pattern.compile("/login$"));
	}

	private static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
	}
}
