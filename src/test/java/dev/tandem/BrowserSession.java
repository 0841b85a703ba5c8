package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * One person at one browser, for one test: a fresh browser context (no cookies) on the running
 * application. Console errors and uncaught script errors are collected all along; the test
 * fails on any of them. {@link #check(String)} is the checkpoint a test calls on each page
 * worth looking at: it saves a full-page screenshot and fails on serious accessibility
 * violations.
 *
 * <pre>
 * &#64;BrowserTest
 * class KpiPagesBrowserTests {
 *     &#64;Test
 *     void listShowsEveryKpi(BrowserSession browser) {
 *         browser.signIn();
 *         browser.open("/kpis");
 *         assertThat(browser.page().getByRole(AriaRole.HEADING, ...)).isVisible();
 *         browser.check("kpi-list");
 *     }
 * }
 * </pre>
 */
public final class BrowserSession implements AutoCloseable {

	public static final int DESKTOP_WIDTH = 1280;
	public static final int DESKTOP_HEIGHT = 800;
	public static final int PHONE_WIDTH = 390;
	public static final int PHONE_HEIGHT = 844;

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	// Chromium reports a document served with an error status as a console error; a test that asked for that status expects it
	private static final Pattern FAILED_RESOURCE = Pattern.compile("Failed to load resource: the server responded with a status of (\\d+)");

	private final String baseUrl;
	private final BrowserContext context;
	private final Page page;
	private final List<String> errors = new ArrayList<>();
	private final Set<String> expectedErrorDocuments = new HashSet<>();

	BrowserSession(Browser browser, String baseUrl) {
		this.baseUrl = baseUrl;
		this.context = browser.newContext(new Browser.NewContextOptions()
			.setBaseURL(baseUrl)
			.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT)
			.setLocale("en-GB"));
		this.page = context.newPage();
		page.setDefaultTimeout(10_000);
		page.onConsoleMessage(this::console);
		page.onPageError(error -> errors.add("Uncaught error on " + page.url() + ": " + error));
	}

	/** The Playwright page, for locators and assertions. */
	public Page page() {
		return page;
	}

	public String url(String path) {
		return baseUrl + path;
	}

	/** Signs in as the test administrator. */
	public BrowserSession signIn() {
		return signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
	}

	/**
	 * Signs in through the sign-in form; the one place that knows what the form looks like.
	 * Ends on the page the application sends a person to after signing in.
	 */
	public BrowserSession signIn(String username, String password) {
		open("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form:has(#password) [type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
		return this;
	}

	/** Goes to a page of the application and expects it to answer 200. */
	public Response open(String path) {
		return open(path, 200);
	}

	/**
	 * Goes to a page of the application and expects the given status, for error pages. The
	 * console error Chromium logs for a document with an error status is then expected too.
	 */
	public Response open(String path, int status) {
		if (status >= 400) {
			expectedErrorDocuments.add(url(path));
		}
		var response = page.navigate(url(path));
		assertThat(response).as("response to GET %s", path).isNotNull();
		assertThat(response.status()).as("status of GET %s", path).isEqualTo(status);
		return response;
	}

	/**
	 * Says that the next request to this path answers with an error status on purpose (a form
	 * sent back with its problems as 422, say), so that the console error Chromium logs for it
	 * does not fail the test.
	 */
	public BrowserSession expectErrorStatus(String path) {
		expectedErrorDocuments.add(url(path));
		return this;
	}

	/** Resizes the window to a phone's width (an iPhone 12–15), for the responsive layout. */
	public BrowserSession phone() {
		page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
		return this;
	}

	public BrowserSession desktop() {
		page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
		return this;
	}

	/**
	 * The checkpoint for a page: saves target/screenshots/{name}.png (the whole page), and
	 * fails on any console error so far and on any serious or critical axe-core violation.
	 */
	public BrowserSession check(String name) {
		page.waitForLoadState();
		screenshot(name);
		assertNoErrors();
		var violations = AxeAudit.seriousViolations(page);
		assertThat(violations).as("serious accessibility violations on %s (%s)", page.url(), name).isEmpty();
		return this;
	}

	/** Saves target/screenshots/{name}.png without checking anything. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var path = SCREENSHOTS.resolve(name + ".png");
		// from the top: a sticky header would otherwise be drawn wherever the page was scrolled to
		page.evaluate("() => window.scrollTo(0, 0)");
		page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
		return path;
	}

	/** Fails if the page logged a console error or threw, since this session began. */
	public void assertNoErrors() {
		assertThat(errors).as("console and page errors").isEmpty();
	}

	private void console(ConsoleMessage message) {
		if (!"error".equals(message.type())) {
			return;
		}
		var failed = FAILED_RESOURCE.matcher(message.text());
		if (failed.find() && expectedErrorDocuments.stream().anyMatch(url -> message.location().startsWith(url))) {
			return;
		}
		errors.add("Console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
	}

	@Override
	public void close() {
		context.close();
	}
}
