package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TestDatabase;
import dev.tandem.TestUsers;

/** Connections and PULL KPIs made through the API, with names of their own. */
final class PullFixtures {

	private final ApiFixtures api;

	PullFixtures(MockMvcTester mvc) {
		this.api = new ApiFixtures(mvc);
	}

	ApiFixtures api() {
		return api;
	}

	/** A new connection from its JSON fields (without name); returns {id, name}. */
	String[] connection(String fields) {
		var name = TestUsers.unique("conn");
		var id = ApiFixtures.id(api.post("/api/connections", "{\"name\":\"%s\",%s}".formatted(name, fields)).exchange());
		return new String[] { Long.toString(id), name };
	}

	/** A second, separate H2 database standing in for a customer's; returns its JDBC URL. */
	static String sourceDatabase() {
		return "jdbc:h2:mem:" + TestUsers.unique("source") + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";
	}

	/**
	 * A separate database standing in for a customer's, of the kind the build pass tests (an H2
	 * in memory, or a database of its own on the embedded PostgreSQL); returns {url, user, password}.
	 */
	static String[] customerDatabase() {
		if (!TestDatabase.isPostgres()) {
			return new String[] { sourceDatabase(), "sa", "" };
		}
		var database = "src" + TestUsers.unique("").replace("-", "");
		try (var connection = TestDatabase.postgres().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return new String[] { TestDatabase.postgres().getJdbcUrl("postgres", database), "postgres", "postgres" };
	}

	/** Runs statements on a customer database as its owner (the test's side, not Tandem's). */
	static void execute(String[] database, String... statements) {
		try (var connection = java.sql.DriverManager.getConnection(database[0], database[1], database[2]);
				var statement = connection.createStatement()) {
			for (var sql : statements) {
				statement.execute(sql);
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	static long count(String[] database, String sql) {
		try (var connection = java.sql.DriverManager.getConnection(database[0], database[1], database[2]);
				var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A SQL connection to the database; returns {id, name}. */
	String[] sqlConnection(String[] database) {
		return connection("\"kind\":\"SQL\",\"url\":\"%s\",\"username\":\"%s\",\"secret\":\"%s\""
			.formatted(database[0], database[1], database[2]));
	}

	/** A daily higher-is-better PULL KPI (target 99, warning 95) in a new team; returns its key. */
	String pullKpi(String pullJson) {
		var team = api.teamWithOwner();
		var key = TestUsers.unique("kpi");
		var result = api.post("/api/kpis", kpiJson(key, team[0], team[1], pullJson)).exchange();
		assertThat(result).as(ApiFixtures.body(result)).hasStatus(HttpStatus.CREATED);
		return key;
	}

	static String kpiJson(String key, String team, String owner, String pullJson) {
		return """
				{"key":"%s","name":"Pulled uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"PULL",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":95,"pull":%s}""".formatted(key, team, owner, pullJson);
	}
}
