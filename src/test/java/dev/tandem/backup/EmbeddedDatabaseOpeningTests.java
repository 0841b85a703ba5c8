package dev.tandem.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseOpeningTests {

	@TempDir
	Path dataDir;

	private MockEnvironment environment(String reportEvery) {
		return new MockEnvironment()
				.withProperty("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("tandem"))
				.withProperty("tandem.data-dir", dataDir.toString())
				.withProperty("tandem.embedded-database.report-every", reportEvery);
	}

	private HikariDataSource pool() {
		var config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("tandem"));
		config.setUsername("tandem");
		config.setPassword("tandem");
		return new HikariDataSource(config);
	}

	@Test
	void aCleanStartAndStopLeavesNoMarkerAndWarnsOfNothing(CapturedOutput output) {
		var opening = new EmbeddedDatabaseOpening(environment("5s"));
		try (var pool = pool()) {
			opening.postProcessAfterInitialization(pool, "dataSource");
			assertThat(dataDir.resolve(EmbeddedDatabaseOpening.MARKER)).exists();
			assertThat(opening.requiresDestruction(pool)).isTrue();
			opening.postProcessBeforeDestruction(pool, "dataSource");
		}
		assertThat(dataDir.resolve(EmbeddedDatabaseOpening.MARKER)).doesNotExist();
		assertThat(output).doesNotContain("did not stop cleanly");
	}

	@Test
	void aMarkerLeftByAnUncleanStopIsWarnedOfAtOnce(CapturedOutput output) throws Exception {
		Files.writeString(dataDir.resolve(EmbeddedDatabaseOpening.MARKER), "Tandem is running (pid 1)\n");
		var opening = new EmbeddedDatabaseOpening(environment("5s"));
		try (var pool = pool()) {
			opening.postProcessAfterInitialization(pool, "dataSource");
			assertThat(output).contains("Tandem did not stop cleanly last time").contains("Embedded database open after");
			opening.postProcessBeforeDestruction(pool, "dataSource");
		}
		assertThat(dataDir.resolve(EmbeddedDatabaseOpening.MARKER)).doesNotExist();
	}

	@Test
	void aSlowOpeningIsReportedWhileItLasts(CapturedOutput output) throws Exception {
		var reported = new CountDownLatch(1);
		// a database that opens only once the first progress line is out: no timing guessed
		var real = new JdbcDataSource();
		real.setURL("jdbc:h2:mem:slow-opening");
		DataSource slow = new SlowDataSource(real, () -> {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!output.getOut().contains("Still opening the embedded database") && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			reported.countDown();
		});
		new EmbeddedDatabaseOpening(environment("20ms")).postProcessAfterInitialization(slow, "dataSource");
		assertThat(reported.getCount()).isZero();
		assertThat(output).contains("Still opening the embedded database (").contains("Embedded database open after");
	}

	@Test
	void aDatabaseThatDoesNotOpenLeavesTheMarkerAsItWas() throws Exception {
		var marker = dataDir.resolve(EmbeddedDatabaseOpening.MARKER);
		Files.writeString(marker, "Tandem is running (pid 1)\n");
		var opening = new EmbeddedDatabaseOpening(environment("5s"));
		// as when the file is another Tandem's, still running, which holds H2's lock on it
		var refusing = new JdbcDataSource();
		refusing.setURL("jdbc:h2:mem:never-created;IFEXISTS=TRUE");
		opening.postProcessAfterInitialization(refusing, "dataSource");
		assertThat(marker).content().isEqualTo("Tandem is running (pid 1)\n");
		assertThat(opening.requiresDestruction(refusing)).as("not this run's marker to remove").isFalse();
	}

	@Test
	void postgresIsLeftAlone() {
		var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://localhost/tandem")
				.withProperty("tandem.data-dir", dataDir.toString());
		var opening = new EmbeddedDatabaseOpening(environment);
		var never = new SlowDataSource(new JdbcDataSource(), () -> {
			throw new AssertionError("opened a database that is not the embedded one");
		});
		opening.postProcessAfterInitialization(never, "dataSource");
		assertThat(opening.requiresDestruction(never)).isFalse();
		assertThat(dataDir.resolve(EmbeddedDatabaseOpening.MARKER)).doesNotExist();
	}

	private record SlowDataSource(DataSource target, Runnable beforeOpening) implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			beforeOpening.run();
			return target.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}
	}
}
