package dev.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Points a test context at its database: H2 in PostgreSQL mode by default, a real PostgreSQL
 * (zonky's embedded binaries, no Docker) when {@code tandem.test.db=postgres}. The build runs
 * every {@code db}-tagged test once on each.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	/** The contexts using the embedded PostgreSQL: closed before it, so none waits on a dead server. */
	private static final List<ConfigurableApplicationContext> onPostgres = new CopyOnWriteArrayList<>();

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("tandem.test.db"));
	}

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
			}
			// for runs that do not end through TestSessionEnd (an IDE, say); zonky stops the server in a hook of its own
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::shutDown));
		}
		return postgres;
	}

	/**
	 * Closes the contexts that use the embedded PostgreSQL, then the server. Run when the test
	 * session ends, before the JVM's shutdown hooks: those run in no set order, and zonky's own
	 * hook stopped the server while contexts were still closing, whose pools then waited out
	 * their 30-second connection timeout until surefire killed the JVM.
	 */
	static synchronized void shutDown() {
		onPostgres.forEach(ConfigurableApplicationContext::close);
		onPostgres.clear();
		if (postgres != null) {
			try {
				postgres.close();
			}
			catch (IOException ignored) {
				// the tests are over; the temporary cluster goes with the JVM
			}
			postgres = null;
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties;
		if (isPostgres()) {
			var database = "t" + UUID.randomUUID().toString().replace("-", "");
			try (var connection = postgres().getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database " + database);
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException("Could not create a test database", e);
			}
			properties = Map.of("spring.datasource.url", postgres().getJdbcUrl("postgres", database),
					"spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
			onPostgres.add(context);
		}
		else {
			properties = Map.of("spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"spring.datasource.username", "sa", "spring.datasource.password", "");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
	}
}
