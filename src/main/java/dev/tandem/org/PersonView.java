package dev.tandem.org;

import java.util.List;

/** A person as other modules and the API see it; never carries the password. */
public record PersonView(long id, String username, String displayName, String email, Role role,
		List<String> teams, boolean active) {
}
