package dev.tandem;

import java.util.List;

import com.microsoft.playwright.Page;

/**
 * Runs axe-core in the page and reports its serious and critical violations, one line each
 * with the rule, what it asks for and the offending elements. axe comes from its WebJar
 * (a test dependency) through the application's own /webjars path, so that the page's
 * content security policy allows it like any script of the application.
 */
final class AxeAudit {

	private static final String AXE = "/webjars/axe-core/axe.min.js";

	private static final String RUN = """
			async () => {
			  const result = await axe.run(document, { resultTypes: ['violations'] });
			  return result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
			        + v.nodes.map(n => n.target.join(' ')).join(', '));
			}""";

	private AxeAudit() {
	}

	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(Page page) {
		if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
			page.addScriptTag(new Page.AddScriptTagOptions().setUrl(AXE));
		}
		return (List<String>) page.evaluate(RUN);
	}
}
