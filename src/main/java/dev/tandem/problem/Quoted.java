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

	/** How many of a list {@link #all} names before it only counts the rest. */
	static final int LISTED = 5;

	/**
	 * A thing named by its key and its name, {@code 'checkout-uptime' (Checkout uptime)}: the key
	 * is what to type, the name what people call it. Just the key when the name adds nothing.
	 */
	public static String named(Object key, String name) {
		if (name == null || name.isBlank() || name.strip().equals(String.valueOf(key))) {
			return of(key);
		}
		var text = name.strip();
		return of(key) + " (" + (text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "…") + ")";
	}

	/** {@code 'a', 'b' and 'c'}, each quoted; past {@value #LISTED}, {@code … and 7 more}. */
	public static String all(java.util.Collection<?> values) {
		var quoted = values.stream().limit(LISTED).map(Quoted::of).toList();
		var rest = values.size() - quoted.size();
		if (rest > 0) {
			return String.join(", ", quoted) + " and " + rest + " more";
		}
		if (quoted.size() <= 1) {
			return String.join("", quoted);
		}
		return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
	}

	/** A whole message cut to {@code limit} characters: the last guard, for texts built elsewhere. */
	static String capped(String message, int limit) {
		if (message == null || message.length() <= limit) {
			return message;
		}
		return message.substring(0, limit) + "…";
	}
}
