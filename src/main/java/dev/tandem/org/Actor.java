package dev.tandem.org;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, for the records that say who did what: the signed-in person, or the system. */
public final class Actor {

	public static final String SYSTEM = "system";

	private Actor() {
	}

	public static String current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}
}
