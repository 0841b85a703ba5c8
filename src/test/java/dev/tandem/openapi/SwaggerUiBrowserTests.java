package dev.tandem.openapi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.assertions.LocatorAssertions;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * Swagger UI renders the description, without signing in, under production's content security
 * policy for it (scripts from Tandem only; inline styles allowed on its pages alone, see
 * SecurityConfiguration) with no console error. Not audited
 * with axe: the page is springdoc's, not Tandem's.
 */
@BrowserTest
class SwaggerUiBrowserTests {

	@Test
	void listsTheOperationsOfEveryModuleWithoutSigningIn(BrowserSession browser) {
		browser.open("/swagger-ui.html");
		var page = browser.page();
		// the first description is computed on this request: give it longer than the default five seconds
		assertThat(page.locator(".opblock-tag")).hasCount(ApiDescription.MODULES.size(),
				new LocatorAssertions.HasCountOptions().setTimeout(60_000));
		assertThat(page.locator(".opblock-summary-path[data-path='/api/kpis/{key}/measurements']").first()).isVisible();
		assertThat(page.locator(".opblock").count()).as("operations listed").isGreaterThan(50);
		assertThat(page.getByText("Authorize").first()).isVisible();
		browser.screenshot("swagger-ui");
		browser.assertNoErrors();
	}
}
