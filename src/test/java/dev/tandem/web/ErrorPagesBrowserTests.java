package dev.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

@BrowserTest
@Import(WebTestPages.class)
class ErrorPagesBrowserTests {

	@Test
	void anUnknownAddressShowsTheNotFoundPageWithAWayHome(BrowserSession browser) {
		browser.signIn();
		browser.open("/no/such/page", 404);
		var page = browser.page();
		assertThat(page).hasTitle("Page not found · Tandem");
		assertThat(heading(page, "Page not found")).isVisible();
		assertThat(page.locator(".site-header")).isVisible();
		browser.check("error-404");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page")).click();
		assertThat(page).hasURL(browser.url("/"));
	}

	@Test
	void aMissingRecordOnAPageIsNotFoundNotAServerError(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/fail/not-found", 404);
		assertThat(heading(browser.page(), "Page not found")).isVisible();
		assertThat(browser.page().locator("main")).not().containsText("no-such-kpi");
	}

	@Test
	void aForbiddenActionExplainsItselfWithoutTheExceptionText(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/fail/forbidden", 403);
		var page = browser.page();
		assertThat(heading(page, "You may not do that")).isVisible();
		assertThat(page.locator("main")).not().containsText("Only editors");
		browser.check("error-403");
	}

	@Test
	void aServerErrorShowsNoStackTrace(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/fail/bug", 500);
		var page = browser.page();
		assertThat(heading(page, "Something went wrong on our side")).isVisible();
		assertThat(page.locator("body")).not().containsText("IllegalStateException");
		assertThat(page.locator("body")).not().containsText("on purpose");
		browser.check("error-500");
	}

	@Test
	void otherStatusesGetTheGenericErrorPage(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/design-system?page=not-a-number", 400);
		var page = browser.page();
		assertThat(page.locator(".error-page__code")).hasText("Error 400");
		assertThat(page.locator(".error-page__message")).containsText("The request was not understood");
		browser.check("error-400");
	}

	private static com.microsoft.playwright.Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
	}
}
