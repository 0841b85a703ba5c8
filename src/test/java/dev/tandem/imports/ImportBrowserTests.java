package dev.tandem.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import dev.tandem.BrowserSession;
import dev.tandem.BrowserTest;

/**
 * The import page walked by an editor of the demo's support team: a Perdoo-like export whose
 * owner column no alias knows is previewed (the problem named, nothing written), mapped in the
 * mapping step, previewed clean and imported.
 */
@BrowserTest
// a demo database of its own: the objective imported here must not show up in other walks' counts
@TestPropertySource(properties = { "tandem.demo=true", "tandem.test.context=sheet-import" })
class ImportBrowserTests {

	@Test
	void anEditorPreviewsMapsAndImportsAnExport(BrowserSession browser) {
		browser.signIn("priya", "tandem-demo");
		browser.open("/import");
		var page = browser.page();
		assertThat(page.locator("#template-okrs")).hasAttribute("href", "/import/template/okrs.csv");
		browser.check("import");

		var csv = "Objective Name,Accountable,Team,Key Result Name,Start Value,Target Value,Progress\n"
				+ "Answers within the hour,priya,customer-support,Median first reply under 60 min,95,60,10%\n"
				+ "Answers within the hour,priya,customer-support,Macros for the top 20 questions,0,20,0%\n";
		page.locator("#import-file").setInputFiles(new FilePayload("perdoo.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview").setExact(true)).click();
		assertThat(page.locator("#import-problems")).containsText("no column holds owner");
		assertThat(page.locator("#import-run-button")).isDisabled();
		browser.check("import-preview-problems");

		page.locator("select[name='column:Accountable']").selectOption("owner");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview again")).click();
		assertThat(page.locator("#problems-title")).hasText("No problems");
		assertThat(page.locator("select[name='column:Accountable']")).hasValue("owner");
		assertThat(page.locator("select[name='column:Progress']")).hasValue("ignore");
		assertThat(page.locator("#import-key-results tbody tr")).hasCount(2);
		assertThat(page.locator("#import-run-button")).isEnabled();
		browser.check("import-preview-clean");

		page.locator("#import-run-button").click();
		assertThat(page.locator("#import-done")).containsText("Imported 1 objective and 2 key results");
		browser.open("/okrs");
		assertThat(page.locator("main")).containsText("Answers within the hour");
		browser.check("import-done");
	}
}
