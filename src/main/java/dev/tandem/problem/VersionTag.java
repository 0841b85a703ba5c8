package dev.tandem.problem;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

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

	/** A resource as it is now: how an error names it ("The objective 'Grow revenue'") and its version. */
	public record Current(String subject, long version) {
	}

	/**
	 * The version the caller expects to overwrite, or {@code null} when it sent no {@code If-Match}
	 * or {@code *} (then the body's own version, if any, is the guard). The resource is read only
	 * when a tag came, once, for both its version and its name.
	 * @throws PreconditionFailedException when the tag no longer matches the current version
	 */
	public static Long expected(String ifMatch, Supplier<Current> current) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		var now = current.get();
		if (!ifMatch.trim().equals(of(now.version()))) {
			throw new PreconditionFailedException(now.subject() + " has changed since " + ifMatch.trim() + " (it is now "
					+ of(now.version()) + "); reload it and apply your change again.");
		}
		return now.version();
	}

	/** The same, for a resource whose name is known without reading it. */
	public static Long expected(String ifMatch, String subject, LongSupplier currentVersion) {
		return expected(ifMatch, () -> new Current(subject, currentVersion.getAsLong()));
	}
}
