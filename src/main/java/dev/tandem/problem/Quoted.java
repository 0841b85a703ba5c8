package dev.tandem.problem;

import java.util.Locale;

/**
 * A value from the request, quoted in a message about it: in full when short, otherwise its
 * first characters and how long it was. An error names what was wrong without echoing a
 * megabyte of someone's input back at them (or into a log).
 */
public final class Quoted {

	/** Long enough for any real key, name or number; a longer value is cut here. */
	static final int LIMIT = 60;

	private Quoted() {
	}

	/** {@code 'value'}, or {@code 'first 60 characters…' (10,485,760 characters)}. */
	public static String of(Object value) {
		var text = String.valueOf(value);
		if (text.length() <= LIMIT) {
			return "'" + text + "'";
		}
		return String.format(Locale.ROOT, "'%s…' (%,d characters)", text.substring(0, LIMIT), text.length());
	}

	/** A whole message cut to {@code limit} characters: the last guard, for texts built elsewhere. */
	static String capped(String message, int limit) {
		if (message == null || message.length() <= limit) {
			return message;
		}
		return message.substring(0, limit) + "…";
	}
}
