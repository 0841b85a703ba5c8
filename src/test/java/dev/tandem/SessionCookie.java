package dev.tandem;

import java.util.ArrayList;
import java.util.Arrays;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The session cookie, kept as a browser keeps it. Sessions live in Spring Session's tables and
 * are named by this cookie, not by the servlet container's session, so a MockHttpSession carries
 * nothing between requests: tests sign in, {@link #keep} the cookie the answer sets, and send it
 * on with {@code .with(cookie)}.
 */
public final class SessionCookie implements RequestPostProcessor {

	public static final String NAME = "SESSION";

	private Cookie cookie;

	/** The cookie this answer set. */
	public static SessionCookie of(MvcTestResult result) {
		var session = new SessionCookie();
		session.keep(result);
		return session;
	}

	/** Takes the cookie the answer sets, if any (a deleted one is forgotten); returns the answer. */
	public MvcTestResult keep(MvcTestResult result) {
		var set = result.getResponse().getCookie(NAME);
		if (set != null) {
			cookie = set.getMaxAge() == 0 ? null : set;
		}
		return result;
	}

	/** The cookie's value, which names the session; null before one was set. */
	public String value() {
		return cookie == null ? null : cookie.getValue();
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (cookie != null) {
			var cookies = new ArrayList<Cookie>();
			if (request.getCookies() != null) {
				cookies.addAll(Arrays.asList(request.getCookies()));
			}
			cookies.add(cookie);
			request.setCookies(cookies.toArray(Cookie[]::new));
		}
		return request;
	}
}
