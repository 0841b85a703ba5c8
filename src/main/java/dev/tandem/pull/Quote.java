package dev.tandem.pull;

/** A value from a source, quoted and cut short for a message. */
final class Quote {

	private Quote() {
	}

	static String of(String text) {
		var shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
		return "'" + shown.replaceAll("\\p{Cntrl}", " ") + "'";
	}
}
