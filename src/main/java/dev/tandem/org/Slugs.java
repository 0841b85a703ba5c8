package dev.tandem.org;

/** The shape of every stable key in Tandem (teams, KPIs): what scripts and URLs rely on. */
public final class Slugs {

	public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";

	public static final String MESSAGE = "must be 1-64 lower-case letters, digits or dashes, starting with a letter or digit";

	private Slugs() {
	}
}
