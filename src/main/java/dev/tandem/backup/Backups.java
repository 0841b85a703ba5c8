package dev.tandem.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.AuditableChange;
import dev.tandem.problem.ConflictException;

/**
 * Writes and lists backups of the embedded database. H2's {@code BACKUP TO} copies the
 * database file as of one moment into a zip, without stopping anyone else's work; the newest
 * {@code tandem.backup.keep} files are kept, older ones deleted after each new one.
 */
@Service
class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	/** Sortable and valid in a file name on every system: tandem-2026-12-02T221503Z.zip. */
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private static final String PREFIX = "tandem-";

	private static final String SUFFIX = ".zip";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Path folder;
	private final int keep;
	private final String database;

	Backups(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${spring.datasource.url}") String database, @Value("${tandem.backup.dir}") Path folder,
			@Value("${tandem.backup.keep}") int keep) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.folder = folder.toAbsolutePath().normalize();
		this.keep = Math.max(1, keep);
		this.database = database;
	}

	/** Writes a backup now; refused (409) where Tandem cannot take one itself. */
	@Transactional
	BackupView create() {
		if (!database.startsWith("jdbc:h2:")) {
			throw new ConflictException("Tandem backs up only its embedded database; on PostgreSQL, use pg_dump "
					+ "(docs/operations.md, \"Backups\").");
		}
		if (database.startsWith("jdbc:h2:mem:")) {
			throw new ConflictException("This database lives in memory only; there is no file to back up.");
		}
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var file = folder.resolve(PREFIX + STAMP.format(now) + SUFFIX);
		if (Files.exists(file)) {
			throw new ConflictException("A backup was written this very second (" + file.getFileName()
					+ "); try again in a moment.");
		}
		try {
			Files.createDirectories(folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the backup folder " + folder, e);
		}
		long started = System.nanoTime();
		// a path of our own making, never user input; H2 takes no parameter here
		jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
		var view = view(file);
		log.info("Backed up the database to {} ({} bytes) in {} ms", file, view.bytes(),
				(System.nanoTime() - started) / 1_000_000);
		events.publishEvent(new AuditableChange("backup.created", view.name(), "Backed up the database to "
				+ view.name(), null, view));
		prune();
		return view;
	}

	/** The backups in the folder, newest first. */
	List<BackupView> list() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Backups::isBackup).map(Backups::view)
				.sorted(Comparator.comparing(BackupView::name).reversed())
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list the backup folder " + folder, e);
		}
	}

	/** Where backups go: shown to administrators so they know what to copy off the machine. */
	Path folder() {
		return folder;
	}

	private void prune() {
		var all = list();
		for (var old : all.subList(Math.min(keep, all.size()), all.size())) {
			try {
				Files.deleteIfExists(folder.resolve(old.name()));
				log.info("Deleted the old backup {} (keeping the newest {})", old.name(), keep);
			}
			catch (IOException e) {
				log.warn("Could not delete the old backup {}: {}", old.name(), e.getMessage());
			}
		}
	}

	private static boolean isBackup(Path file) {
		var name = file.getFileName().toString();
		return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
	}

	private static BackupView view(Path file) {
		try {
			return new BackupView(file.getFileName().toString(), Files.size(file),
					Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the backup " + file, e);
		}
	}
}
