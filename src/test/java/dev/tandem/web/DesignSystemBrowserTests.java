package dev.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * Every component of the design system at once (a test-only page): contrast, labels and
 * charts checked by axe and by eye, htmx pagination and the form's error states exercised.
 */
@BrowserTest
@Import(WebTestPages.class)
class DesignSystemBrowserTests {

	private static final String CHARTS_DRAWN = """
			() => [...document.querySelectorAll('canvas[data-chart]')]
			        .every(canvas => window.Chart && Chart.getChart(canvas) && canvas.width > 0)""";

	@Test
	void everyComponentIsAccessibleAndEveryChartIsDrawn(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/design-system");
		var page = browser.page();
		assertThat(page.locator("canvas[data-chart]")).hasCount(3);
		page.waitForFunction(CHARTS_DRAWN);
		assertThat(page.locator(".badge")).containsText(new String[] { "Red", "Amber", "Green", "Stale", "No data" });
		browser.check("design-system");

		browser.phone();
		page.waitForFunction(CHARTS_DRAWN);
		browser.check("design-system-phone");
	}

	@Test
	void thePagerFetchesThePageWithHtmxAndThePageSurvivesAReload(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/design-system");
		var page = browser.page();
		var results = page.locator("#results");
		assertThat(results.locator("tbody tr").first()).containsText("Key result number 1");
		assertThat(results.locator(".pagination__summary")).hasText("Showing 1–10 of 47");

		results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
		assertThat(results.locator(".pagination__summary")).hasText("Showing 11–20 of 47");
		assertThat(results.locator("tbody tr").first()).containsText("Key result number 11");
		assertThat(page).hasURL(Pattern.compile("/test/design-system\\?page=1$"));
		assertThat(page.locator(".site-header")).hasCount(1);
		assertThat(results.locator(".pagination__link[aria-current=page]")).hasText("2");

		results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page 5")).click();
		assertThat(results.locator(".pagination__summary")).hasText("Showing 41–47 of 47");
		assertThat(results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next"))).hasCount(0);
		browser.check("design-system-last-page");

		page.reload();
		assertThat(page.locator(".site-header")).hasCount(1);
		assertThat(results.locator(".pagination__summary")).hasText("Showing 41–47 of 47");
	}

	@Test
	void aFormShowsEachErrorBesideItsFieldAndANoticeAfterSaving(BrowserSession browser) {
		browser.signIn();
		browser.open("/test/design-system");
		var page = browser.page();
		var save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save key result"));
		save.click();

		assertThat(page.locator(".error-summary")).containsText("Give the key result a name.");
		var name = page.getByLabel("Key result", new Page.GetByLabelOptions().setExact(true));
		assertThat(name).hasAttribute("aria-invalid", "true");
		assertThat(name).hasAccessibleDescription(Pattern.compile("Say what will be true.*Give the key result a name\\."));
		page.locator("#form").scrollIntoViewIfNeeded();
		browser.check("form-errors");

		name.fill("Increase uptime from 50 % to 99 %");
		page.getByLabel("Target", new Page.GetByLabelOptions().setExact(true)).fill("99");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save key result")).click();
		assertThat(page).hasURL(Pattern.compile("/test/design-system$"));
		assertThat(page.locator(".notice--success")).hasText("Key result “Increase uptime from 50 % to 99 %” saved.");
		browser.check("form-saved");
	}
}
