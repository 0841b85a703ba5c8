package dev.tandem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Starts Debian's Chromium once for the whole run (Playwright downloads no browser) and hands
 * each test method a fresh {@link BrowserSession} on the application's random port. After the
 * test, any console error or uncaught page error fails it.
 *
 * <p>Without {@code /usr/bin/chromium} the tests are skipped with a message saying how to
 * install it; on CI ({@code CI=true}) that is a failure instead, so that CI never passes by
 * running no browser test.
 */
class ChromiumExtension implements BeforeAllCallback, ParameterResolver, AfterEachCallback {

	static final Path CHROMIUM = Path.of(System.getProperty("tandem.chromium", "/usr/bin/chromium"));

	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM)) {
			return;
		}
		var message = "Browser tests need Chromium at " + CHROMIUM + " (apt-get install -y chromium).";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message + " On CI it must be there: .ci/run installs it.");
		}
		Assumptions.abort(message + " Skipping.");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == BrowserSession.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		var browser = context.getRoot().getStore(NAMESPACE)
			.computeIfAbsent(SharedChromium.class, key -> new SharedChromium(), SharedChromium.class);
		var port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
		var session = new BrowserSession(browser.chromium(), "http://localhost:" + port);
		// the method's store closes the session (an AutoCloseable) when the test is done
		context.getStore(NAMESPACE).put(BrowserSession.class, session);
		return session;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		var session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
		if (session == null) {
			return;
		}
		if (context.getExecutionException().isPresent()) {
			// what the page looked like when the test failed, beside the screenshots of the pages that passed
			session.screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName());
		}
		session.assertNoErrors();
	}

	/** One Playwright driver and one Chromium for every browser test of the run. */
	private static final class SharedChromium implements AutoCloseable {

		private final Playwright playwright;
		private final Browser chromium;

		SharedChromium() {
			// set here as well as in the build, so that a test started from an IDE never downloads a browser either
			playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(ARGS));
		}

		Browser chromium() {
			return chromium;
		}

		@Override
		public void close() {
			chromium.close();
			playwright.close();
		}
	}
}
