package dev.tandem.loop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * The loop inbox walked on the demo organisation: dismissing a proposal with a reason and
 * accepting a graduation, on a desktop and on a phone. Each page is screenshot and audited by axe.
 */
@BrowserTest
// a demo database of its own: other walks accept the uptime proposal, which takes its driver
// (registration errors) on and withdraws the proposal this walk dismisses
@TestPropertySource(properties = { "tandem.demo=true", "tandem.test.context=loop-inbox" })
class InboxBrowserTests {

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
}
