package dev.tandem.pull;

import java.util.Locale;

/** What a pull's SQL may be: one statement that reads. The driver and a read-only transaction guard the rest. */
final class SqlQueries {

	private SqlQueries() {
	}

	/** What is wrong with the query, or null. */
	static String problem(String query) {
		var text = withoutStrings(query).strip();
		if (text.endsWith(";")) {
			text = text.substring(0, text.length() - 1).strip();
		}
		if (text.contains(";")) {
			return "one statement only: the query holds several (separated by ';')";
		}
		var first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		if (!first.equals("select") && !first.equals("with") && !first.equals("values") && !first.equals("(")
				&& !first.startsWith("(")) {
			return "only a query that reads (select ..., with ...) may run, not '" + first + "'";
		}
		return null;
	}

	/** The query with quoted text and comments blanked, so that a ';' inside a string is not a separator. */
	private static String withoutStrings(String query) {
		var out = new StringBuilder(query.length());
		char quote = 0;
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				out.append(' ');
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				out.append(' ');
			}
			else if (c == '-' && i + 1 < query.length() && query.charAt(i + 1) == '-') {
				while (i < query.length() && query.charAt(i) != '\n') {
					i++;
				}
				out.append(' ');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
