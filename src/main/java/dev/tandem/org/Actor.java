package dev.tandem.org;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, for the records that say who did what: the signed-in person, or the system. */
public final class Actor {

	public static final String SYSTEM = "system";

	private Actor() {
	}

	public static String current() {
		return signedIn().orElse(SYSTEM);
	}

	/** The signed-in person's username (an API token acts as its owner); empty when nobody has signed in. */
	public static Optional<String> signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(authentication.getName());
	}
}
