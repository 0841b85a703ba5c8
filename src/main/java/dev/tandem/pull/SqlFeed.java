package dev.tandem.pull;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * Runs a PULL KPI's SQL on its own connection (no pool: pulls are rare), marked read-only, in a
 * transaction that is always rolled back, with a statement timeout and a row limit. One
 * statement only, and only a query: a write is refused by the driver or undone by the roll-back.
 */
@Component
class SqlFeed implements Feed {

	private final PullSettings settings;

	SqlFeed(PullSettings settings) {
		this.settings = settings;
	}

	@Override
	public ConnectionKind kind() {
		return ConnectionKind.SQL;
	}

	@Override
	public List<Fetched> fetch(Access access, PullSpec spec, Instant now, Instant backfillFrom) {
		var problem = SqlQueries.problem(spec.query());
		if (problem != null) {
			throw new FeedException(problem);
		}
		try (var connection = open(access, settings.queryTimeout())) {
			try (var statement = connection.prepareStatement(spec.query())) {
				statement.setQueryTimeout(seconds(settings.queryTimeout()));
				statement.setMaxRows(settings.maxRows() + 1);
				try (var rows = statement.executeQuery()) {
					return read(rows, now);
				}
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException e) {
			throw new FeedException(access.scrub("the query failed: " + e.getMessage()));
		}
	}

	@Override
	public String test(Access access) {
		try (var connection = open(access, settings.testTimeout())) {
			if (!connection.isValid(seconds(settings.testTimeout()))) {
				throw new FeedException("the database did not answer within " + settings.testTimeout().toSeconds() + " s");
			}
			var meta = connection.getMetaData();
			return "connected to " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
		}
		catch (SQLException e) {
			throw new FeedException(access.scrub("could not connect: " + e.getMessage()));
		}
	}

	private java.sql.Connection open(Access access, java.time.Duration timeout) throws SQLException {
		var url = access.connection().url();
		var refused = JdbcUrlRules.problem(url);
		if (refused.isPresent()) {
			throw new FeedException(refused.get());
		}
		var properties = new Properties();
		if (access.connection().username() != null) {
			properties.setProperty("user", access.connection().username());
		}
		if (access.secret() != null) {
			properties.setProperty("password", access.secret());
		}
		if (url.startsWith("jdbc:postgresql:")) {
			properties.setProperty("connectTimeout", Integer.toString(seconds(settings.connectTimeout())));
			properties.setProperty("socketTimeout", Integer.toString(seconds(timeout) + 5));
			properties.setProperty("readOnly", "true");
			properties.setProperty("readOnlyMode", "always");
		}
		var connection = DriverManager.getConnection(url, properties);
		try {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED);
		}
		catch (SQLException e) {
			connection.close();
			throw e;
		}
		return connection;
	}

	/** One row of {@code value}, or rows of {@code at, value}; a single unnamed column counts as the value. */
	private List<Fetched> read(ResultSet rows, Instant now) throws SQLException {
		var meta = rows.getMetaData();
		int valueColumn = -1;
		int atColumn = -1;
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			var label = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
			if (label.equals("value")) {
				valueColumn = i;
			}
			else if (label.equals("at")) {
				atColumn = i;
			}
		}
		if (valueColumn < 0 && meta.getColumnCount() == 1) {
			valueColumn = 1;
		}
		if (valueColumn < 0) {
			throw new FeedException("the query returns no column named 'value'; name it: select count(*) as value ...");
		}
		var fetched = new ArrayList<Fetched>();
		while (rows.next()) {
			if (fetched.size() == settings.maxRows()) {
				throw new FeedException("the query returns more than " + settings.maxRows()
						+ " rows; aggregate them in the query (group by day, say)");
			}
			var at = atColumn < 0 ? now : instant(rows, atColumn, meta.getColumnType(atColumn));
			fetched.add(new Fetched(at, number(rows, valueColumn)));
		}
		if (fetched.isEmpty()) {
			throw new FeedException("the query returned no rows, so there is no value to record");
		}
		if (atColumn < 0 && fetched.size() > 1) {
			throw new FeedException("the query returns " + fetched.size() + " rows without an 'at' column; return one "
					+ "row, or 'at, value' rows");
		}
		return fetched;
	}

	private static double number(ResultSet rows, int column) throws SQLException {
		var value = rows.getObject(column);
		if (value == null) {
			throw new FeedException("the query returned no value (null)");
		}
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		try {
			return Double.parseDouble(value.toString().strip());
		}
		catch (NumberFormatException e) {
			throw new FeedException("the query's value is not a number: " + Quote.of(value.toString()));
		}
	}

	private static Instant instant(ResultSet rows, int column, int type) throws SQLException {
		if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
			var at = rows.getObject(column, OffsetDateTime.class);
			if (at != null) {
				return at.toInstant();
			}
		}
		else if (type == Types.DATE) {
			var day = rows.getDate(column);
			if (day != null) {
				return day.toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			}
		}
		else {
			Timestamp at = rows.getTimestamp(column);
			if (at != null) {
				return at.toInstant();
			}
		}
		throw new FeedException("a row's 'at' is empty");
	}

	private static int seconds(java.time.Duration duration) {
		return (int) Math.max(1, duration.toSeconds());
	}
}
