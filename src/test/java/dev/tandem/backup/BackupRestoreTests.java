package dev.tandem.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.TandemApplication;
import dev.tandem.TestDatabase;
import dev.tandem.TestUsers;

/**
 * Each documented way back from a backup (docs/operations.md, "Backups"), done as an operator
 * would: a Tandem with the demo loaded is backed up, its database wiped, the backup restored,
 * and a Tandem started on it again must hold every row of every table, byte for byte as it was.
 */
class BackupRestoreTests {

	@TempDir
	Path data;

	@Test
	void theEmbeddedDatabaseComesBackWholeFromItsOnlineBackup() throws Exception {
		var properties = common();
		properties.put("tandem.data-dir", data.toString());
		properties.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("tandem")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		properties.put("spring.datasource.username", "tandem");
		properties.put("spring.datasource.password", "tandem");

		Map<String, String> before;
		BackupView backup;
		try (var tandem = start(properties)) {
			before = settledRows(tandem);
			// online, as an administrator's cron job would: Tandem keeps answering while H2 writes the copy
			var response = asAdmin(tandem, "POST");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			var name = JsonPath.<String>read(response.body(), "$.name");
			assertThat(name).matches("tandem-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.zip");
			backup = tandem.getBean(Backups.class).list().get(0);
			assertThat(backup.name()).isEqualTo(name);
			assertThat(JsonPath.<Integer>read(response.body(), "$.bytes").longValue()).isEqualTo(backup.bytes());
			assertThat(asAdmin(tandem, "GET").body()).contains(name);
		}
		var file = data.resolve("backups").resolve(backup.name());
		assertThat(file).exists().hasSize(backup.bytes());

		Files.delete(data.resolve("tandem.mv.db"));
		assertThat(data.resolve("tandem.mv.db")).doesNotExist();
		// the documented restore: unzip the backup into the (emptied) data folder
		org.h2.tools.Restore.execute(file.toString(), data.toString(), null);

		try (var tandem = start(properties)) {
			assertThat(rows(tandem)).isEqualTo(before);
		}
	}

	@Test
	void postgresqlComesBackWholeFromPgDump() throws Exception {
		var pgDump = tool("pg_dump");
		var pgRestore = tool("pg_restore");
		var postgres = TestDatabase.postgres();
		var database = "backup" + UUID.randomUUID().toString().replace("-", "");
		var admin = JdbcClient.create(postgres.getPostgresDatabase());
		admin.sql("create database " + database).update();

		var properties = common();
		properties.put("tandem.data-dir", data.toString());
		properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		// the embedded database is on by default only where there is no other
		properties.put("tandem.demo", "true");

		var dump = data.resolve("tandem.dump");
		Map<String, String> before;
		try (var tandem = start(properties)) {
			before = settledRows(tandem);
			run(pgDump, "--format=custom", "--no-owner", "--host=localhost", "--port=" + postgres.getPort(),
					"--username=postgres", "--file=" + dump, database);
		}
		assertThat(dump).isNotEmptyFile();

		admin.sql("drop database " + database).update();
		admin.sql("create database " + database).update();
		run(pgRestore, "--no-owner", "--exit-on-error", "--host=localhost", "--port=" + postgres.getPort(),
				"--username=postgres", "--dbname=" + database, dump.toString());

		try (var tandem = start(properties)) {
			assertThat(rows(tandem)).isEqualTo(before);
		}
	}

	/** The demo on and an admin of its own, on the command line as an operator gives them. */
	private static Map<String, Object> common() {
		var properties = new HashMap<String, Object>();
		properties.put("server.port", "0");
		properties.put("tandem.demo", "true");
		properties.put("tandem.admin.user", TestUsers.ADMIN);
		properties.put("tandem.admin.password", TestUsers.ADMIN_PASSWORD);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		return properties;
	}

	private static HttpResponse<String> asAdmin(ConfigurableApplicationContext tandem, String method)
			throws IOException, InterruptedException {
		var port = tandem.getEnvironment().getProperty("local.server.port");
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/backups"))
			.header("Authorization", TestUsers.adminBasicAuthorization())
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** As an operator starts it: settings on the command line, above application.yml. */
	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		var arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		var tandem = new SpringApplicationBuilder(TandemApplication.class).run(arguments);
		assertThat(tandem.getEnvironment().getProperty("spring.datasource.url"))
			.isEqualTo(properties.get("spring.datasource.url"));
		return tandem;
	}

	/**
	 * Every table's rows once the demo's own loop reactions, which run after its commit, are
	 * done. The periodic jobs' locks are taken first, as an operator pausing them would, so that
	 * no sweep changes a row between this look and the backup, nor after the restore.
	 */
	private static Map<String, String> settledRows(ConfigurableApplicationContext tandem) {
		var jdbc = JdbcClient.create(tandem.getBean(DataSource.class));
		for (var job : new String[] { "kpi-health-sweep", "loop-sweep", "event-resubmission", "sign-in-cleanup" }) {
			if (jdbc.sql("update shedlock set lock_until = timestamp '2100-01-01 00:00:00' where name = ?").param(job)
				.update() == 0) {
				jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (?, timestamp "
						+ "'2100-01-01 00:00:00', current_timestamp, 'BackupRestoreTests')").param(job).update();
			}
		}
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
		var rows = rows(tandem);
		assertThat(rows.keySet()).contains("measurement", "objective", "proposal", "audit_event");
		assertThat(rows.get("measurement")).as("the demo's year of measurements").doesNotStartWith("0 ");
		return rows;
	}

	/** Per table: its row count and a digest of all its rows, in a stable order. */
	private static Map<String, String> rows(ConfigurableApplicationContext tandem) {
		var dataSource = tandem.getBean(DataSource.class);
		var tables = new TreeMap<String, String>();
		try (var connection = dataSource.getConnection()) {
			var names = new ArrayList<String>();
			try (var found = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (found.next()) {
					names.add(found.getString("TABLE_NAME").toLowerCase());
				}
			}
			for (var table : names) {
				var lines = new ArrayList<String>();
				try (var statement = connection.createStatement();
						var result = statement.executeQuery("select * from " + table)) {
					int columns = result.getMetaData().getColumnCount();
					while (result.next()) {
						var line = new StringBuilder();
						for (int i = 1; i <= columns; i++) {
							line.append(result.getString(i)).append('\u001f');
						}
						lines.add(line.toString());
					}
				}
				lines.sort(null);
				var digest = MessageDigest.getInstance("SHA-256");
				lines.forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
				tables.put(table, lines.size() + " rows " + HexFormat.of().formatHex(digest.digest()));
			}
		}
		catch (SQLException | NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		return tables;
	}

	/** Debian's PostgreSQL client (postgresql-client): skipped without it, except on CI, where .ci/run installs it. */
	private static String tool(String name) {
		for (var dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			var candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		var message = name + " is not installed, so the pg_dump restore is not tested (apt-get install postgresql-client).";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message + " On CI it must be there: .ci/run installs it.");
		}
		Assumptions.abort(message);
		return null;
	}

	private static void run(String... command) throws IOException, InterruptedException {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
		assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
	}
}
