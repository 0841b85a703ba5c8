package dev.tandem.org;

import org.springframework.stereotype.Service;

/**
 * The one policy that says who may change what. Module facades call it before every write;
 * nothing else decides. Reading is open to everyone signed in.
 */
@Service
public class Permissions {

	/** ADMIN, or an EDITOR who belongs to the team: may change the team's KPIs and OKRs. */
	public void requireEditorOf(long teamId) {
		// enforced by the security issue
	}

	/** As {@link #requireEditorOf}, or the owner of the thing (MEMBER and up): may record measurements and check-ins. */
	public void requireRecorderOf(long teamId, Long ownerPersonId) {
		// enforced by the security issue
	}

	/** ADMIN only: manages people and teams. */
	public void requireAdmin() {
		// enforced by the security issue
	}
}
