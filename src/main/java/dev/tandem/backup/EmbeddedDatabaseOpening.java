package dev.tandem.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Opens the embedded database before anything else uses it, and says what it is doing.
 *
 * <p>After a crash (kill -9, power loss) in the middle of a large write, H2 rolls the unfinished
 * transaction back when the database is opened next: its {@code TransactionStore} undoes the
 * interrupted import row by row before the first connection is handed out. For an import of a
 * few million points this takes half a minute or more (32 s against 4 s for a clean open on the
 * 2-core machine here), and nothing is logged meanwhile, so an operator may take the silent
 * process for hung and kill it again, which starts the rollback over. This opens the first
 * connection itself, reports every few seconds that the database is still being opened and
 * why, and warns at once when the previous run did not stop cleanly: a marker file in the data
 * folder exists while Tandem runs and is removed as the pool closes the database.
 *
 * <p>Only for an H2 file database; PostgreSQL recovers on its own server.
 */
class EmbeddedDatabaseOpening implements DestructionAwareBeanPostProcessor {

	static final String MARKER = "tandem.running";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseOpening.class);

	private final Environment environment;

	private volatile Path marker;

	EmbeddedDatabaseOpening(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (bean instanceof DataSource dataSource && marker == null && isEmbeddedFile()) {
			open(dataSource);
		}
		return bean;
	}

	private boolean isEmbeddedFile() {
		return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:");
	}

	private void open(DataSource dataSource) {
		var dataDir = Path.of(environment.getProperty("tandem.data-dir", "./data"));
		var reportEvery = Binder.get(environment).bind("tandem.embedded-database.report-every", Duration.class)
				.orElse(Duration.ofSeconds(5));
		var markerFile = dataDir.resolve(MARKER);
		boolean unclean = Files.exists(markerFile);
		if (unclean) {
			log.warn("Tandem did not stop cleanly last time ({} is still there): opening the embedded database "
					+ "may take a while as H2 rolls back the writes that were under way. Do not stop Tandem meanwhile.",
					markerFile);
		}
		long started = System.nanoTime();
		ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "embedded-database-opening");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1, reportEvery.toMillis());
		reporter.scheduleAtFixedRate(() -> log.info(
				"Still opening the embedded database ({} s){}", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
				unclean ? ": H2 is rolling back what the last run left unfinished" : ""),
				every, every, TimeUnit.MILLISECONDS);
		try (var connection = dataSource.getConnection()) {
			connection.isValid(0);
		}
		catch (SQLException e) {
			// the start fails later with the pool's own message; this one only reports progress. No
			// marker: the database may be another Tandem's, still running, whose marker this is
			log.debug("The embedded database could not be opened", e);
			return;
		}
		finally {
			reporter.shutdownNow();
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		if (unclean || millis >= every) {
			log.info("Embedded database open after {} ms", millis);
		}
		try {
			Files.createDirectories(dataDir);
			Files.writeString(markerFile, "Tandem is running (pid " + ProcessHandle.current().pid()
					+ "); removed when it stops cleanly\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + markerFile + ": is the data folder writable?", e);
		}
		marker = markerFile;
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean instanceof DataSource && marker != null;
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String name) {
		var markerFile = marker;
		if (markerFile == null) {
			return;
		}
		// just before the pool closes H2's last connection (which writes the database to its file):
		// closing it here would be too early for beans that still read it on their way out
		try {
			Files.deleteIfExists(markerFile);
		}
		catch (IOException e) {
			log.warn("Could not remove {}; the next start will warn of an unclean stop", markerFile, e);
		}
		marker = null;
	}
}
