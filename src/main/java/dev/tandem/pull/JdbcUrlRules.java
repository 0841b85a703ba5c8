package dev.tandem.pull;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a SQL connection's JDBC URL may say. A URL is code-adjacent: H2's {@code INIT} and
 * {@code RUNSCRIPT} run SQL (and through it Java) on Tandem's server, and many drivers take
 * properties naming classes to load ({@code socketFactory}, {@code sslfactory}, logger files, JNDI
 * names). Such settings are refused by name, whatever the driver, before any connection opens.
 */
final class JdbcUrlRules {

	/** Parts of a setting's name that mean it loads code, scripts or resources. */
	private static final Pattern DANGEROUS = Pattern.compile(
			"init|script|class|factory|jndi|callback|plugin|logger|deserializ|infile|authenticator|verifier|trace|alias",
			Pattern.CASE_INSENSITIVE);

	private JdbcUrlRules() {
	}

	/** What is wrong with the URL, or empty when Tandem may open it. */
	static Optional<String> problem(String url) {
		if (!url.startsWith("jdbc:")) {
			return Optional.of("a SQL connection's url is a JDBC URL such as jdbc:postgresql://db.example.com:5432/sales");
		}
		var lower = url.toLowerCase(Locale.ROOT);
		if (lower.contains("jndi") || lower.contains("ldap:") || lower.contains("rmi:")) {
			return Optional.of("the URL names a JNDI, LDAP or RMI resource, which Tandem does not open");
		}
		for (var setting : settings(url)) {
			var name = setting.contains("=") ? setting.substring(0, setting.indexOf('=')) : setting;
			if (DANGEROUS.matcher(name).find()) {
				return Optional.of("the URL's setting '" + name.strip() + "' could run code or load classes on Tandem's "
						+ "server and is not allowed; remove it");
			}
		}
		try {
			Driver driver = DriverManager.getDriver(url);
			if (driver == null) {
				return Optional.of(noDriver());
			}
		}
		catch (SQLException e) {
			return Optional.of(noDriver());
		}
		return Optional.empty();
	}

	private static String noDriver() {
		return "no JDBC driver in Tandem accepts this URL; Tandem ships PostgreSQL (jdbc:postgresql:) and H2 (jdbc:h2:) "
				+ "drivers, and others can be added as a jar (see the README, \"Scheduled pulls\")";
	}

	/** The URL's settings: H2's {@code ;NAME=value} and the {@code ?name=value&...} of most other drivers. */
	private static String[] settings(String url) {
		var parts = new java.util.ArrayList<String>();
		var semicolon = url.split(";");
		for (int i = 1; i < semicolon.length; i++) {
			parts.add(semicolon[i]);
		}
		int query = semicolon[0].indexOf('?');
		if (query >= 0) {
			for (var p : semicolon[0].substring(query + 1).split("[&?]")) {
				parts.add(p);
			}
		}
		return parts.toArray(String[]::new);
	}
}
