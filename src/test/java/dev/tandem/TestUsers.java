package dev.tandem;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The people tests act as. */
public final class TestUsers {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-secret-1";

	private TestUsers() {
	}

	public static RequestPostProcessor admin() {
		return httpBasic(ADMIN, ADMIN_PASSWORD);
	}

	/** Unique enough for keys in a database that other tests share. */
	public static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}
}
