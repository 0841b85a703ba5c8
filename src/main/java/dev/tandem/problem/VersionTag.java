package dev.tandem.problem;

import java.util.function.LongSupplier;

/**
 * The entity tag of a versioned resource ({@code "3"}) and the optimistic-locking check of a PUT
 * that sends {@code If-Match}: one rule for every resource, so that a stale tag gets the same 412
 * and the same advice everywhere.
 */
public final class VersionTag {

	private VersionTag() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version the caller expects to overwrite, or {@code null} when it sent no {@code If-Match}
	 * or {@code *} (then the body's own version, if any, is the guard).
	 * @param subject how the error names the resource, e.g. "Objective 12"
	 * @throws PreconditionFailedException when the tag no longer matches the current version
	 */
	public static Long expected(String ifMatch, String subject, LongSupplier currentVersion) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		long current = currentVersion.getAsLong();
		if (!ifMatch.trim().equals(of(current))) {
			throw new PreconditionFailedException(subject + " has changed since " + ifMatch.trim() + " (it is now "
					+ of(current) + "); reload it and apply your change again.");
		}
		return current;
	}
}
