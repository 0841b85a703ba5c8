package dev.tandem;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.tandem.org.NewPerson;
import dev.tandem.org.NewTeam;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/** The people tests act as. */
public final class TestUsers {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-secret-1";

	/** The password of every person {@link #person} creates. */
	public static final String PASSWORD = "test-secret-1";

	/** The key test contexts encrypt connection secrets with (32 bytes, base64). */
	public static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private TestUsers() {
	}

	/** The test admin's HTTP Basic {@code Authorization} header, for requests over real HTTP. */
	public static String adminBasicAuthorization() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	public static RequestPostProcessor admin() {
		return httpBasic(ADMIN, ADMIN_PASSWORD);
	}

	/** HTTP Basic as a person made by {@link #person}. */
	public static RequestPostProcessor as(String username) {
		return httpBasic(username, PASSWORD);
	}

	/**
	 * A new person with this role in these teams, password {@link #PASSWORD}; returns the
	 * username. Called outside any request, the organisation treats the test as the system,
	 * which may create people.
	 */
	public static String person(Organisation organisation, Role role, String... teamKeys) {
		var username = unique(role.name().toLowerCase());
		organisation.createPerson(new NewPerson(username, "Test " + role.name().toLowerCase(), username + "@example.com",
				role, List.of(teamKeys), PASSWORD));
		return username;
	}

	/** A new team; returns its key. */
	public static String team(Organisation organisation) {
		var key = unique("team");
		organisation.createTeam(new NewTeam(key, "Team " + key, null));
		return key;
	}

	/** Unique enough for keys in a database that other tests share. */
	public static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}
}
