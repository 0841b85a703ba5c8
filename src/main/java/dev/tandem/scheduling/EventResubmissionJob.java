package dev.tandem.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Heals reactions that could not run: a module's event (a measurement recorded, a check-in)
 * is kept in the {@code event_publication} table until each listener in another module has
 * completed it. A listener that fails — the database was unreachable, say — leaves its
 * publication incomplete; while the database is away even "failed" cannot be written, so it
 * stays PUBLISHED or PROCESSING, as it does when the instance dies midway.
 * <p>
 * Once a minute, on one instance (ShedLock), this job marks publications that have stayed
 * unfinished for longer than {@code tandem.events.stale-after} FAILED, then resubmits up to a
 * batch of FAILED ones to their listeners. Spring Modulith claims each one with a conditional
 * update (to RESUBMITTED) before handing it on, so even an instance that ran the job beside
 * this one could not hand the same publication on twice; the listeners are idempotent besides.
 * A publication that has failed {@code tandem.events.max-attempts} times (Modulith counts the first) is left FAILED for an
 * operator (counted by the {@code tandem.events.failed} gauge and logged) rather than retried
 * forever. Completed publications are deleted after {@code tandem.events.keep-completed}. This replaces Modulith's "republish everything outstanding on restart", which with
 * several instances hands a publication another instance is still working on to a second one.
 */
@Component
class EventResubmissionJob {

	static final String JOB = "event-resubmission";

	private static final int BATCH = 10_000;

	private static final Logger log = LoggerFactory.getLogger(EventResubmissionJob.class);

	private final Clock clock;
	private final FailedEventPublications failed;
	private final CompletedEventPublications completed;
	private final JdbcClient jdbc;
	private final JobRuns runs;
	private final Duration staleAfter;
	private final int maxAttempts;
	private final Duration keepCompleted;
	private final AtomicLong given = new AtomicLong();

	EventResubmissionJob(Clock clock, FailedEventPublications failed, CompletedEventPublications completed, JdbcClient jdbc,
			JobRuns runs, MeterRegistry meters, @Value("${tandem.events.stale-after}") Duration staleAfter,
			@Value("${tandem.events.max-attempts}") int maxAttempts,
			@Value("${tandem.events.keep-completed}") Duration keepCompleted) {
		if (staleAfter.isNegative() || staleAfter.isZero()) {
			throw new IllegalStateException("tandem.events.stale-after must be positive, not " + staleAfter);
		}
		if (maxAttempts < 1) {
			throw new IllegalStateException("tandem.events.max-attempts must be at least 1, not " + maxAttempts);
		}
		this.clock = clock;
		this.failed = failed;
		this.completed = completed;
		this.jdbc = jdbc;
		this.runs = runs;
		this.staleAfter = staleAfter;
		this.maxAttempts = maxAttempts;
		this.keepCompleted = keepCompleted;
		Gauge.builder("tandem.events.failed", given, AtomicLong::get)
			.description("Event publications left FAILED after every attempt, as of this instance's last resubmission round")
			.register(meters);
	}

	@Scheduled(cron = "${tandem.jobs.event-resubmission.cron}", zone = "UTC")
	@SchedulerLock(name = JOB, lockAtLeastFor = "${tandem.jobs.event-resubmission.lock-at-least-for}")
	void resubmit() {
		runs.run(JOB, this::run);
	}

	void run() {
		// Modulith's own staleness check measures a resubmitted publication's age from its first
		// publication, so it would call every retry of an old one stale at once: from the retry here
		int stale = jdbc.sql("""
				update event_publication set status = 'FAILED'
				 where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				   and coalesce(last_resubmission_date, publication_date) < ?""")
			.param(clock.instant().minus(staleAfter).atOffset(ZoneOffset.UTC))
			.update();
		if (stale > 0) {
			log.info("{} event publication(s) unfinished for over {}: marked failed, to be resubmitted.", stale, staleAfter);
		}
		failed.resubmit(ResubmissionOptions.defaults()
			// the exhausted ones are read too and filtered out here: a smaller batch of the oldest
			// could fill up with them and starve every newer failure
			.withBatchSize(BATCH)
			.withMaxInFlight(BATCH)
			.withMinAge(Duration.ZERO)
			.withFilter(this::worthRetrying));
		long exhausted = jdbc.sql("""
				select count(*) from event_publication
				 where completion_date is null and status = 'FAILED' and completion_attempts >= ?""")
			.param(maxAttempts)
			.query(Long.class)
			.single();
		if (exhausted > 0 && exhausted != given.get()) {
			log.warn("{} event publication(s) failed {} times and are no longer retried: see the event_publication table.",
					exhausted, maxAttempts);
		}
		given.set(exhausted);
		// a completed publication is only history; kept a while for an operator's look, then dropped
		completed.deletePublicationsOlderThan(keepCompleted);
	}

	private boolean worthRetrying(EventPublication publication) {
		return publication.getCompletionAttempts() < maxAttempts;
	}
}
