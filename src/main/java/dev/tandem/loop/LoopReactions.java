package dev.tandem.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.kpi.KpiHealthChanged;
import dev.tandem.kpi.MeasurementRecorded;
import dev.tandem.okr.CheckInRecorded;
import dev.tandem.okr.CycleClosed;
import dev.tandem.okr.KeyResultLinked;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.ObjectiveActivated;
import dev.tandem.okr.Okrs;
import dev.tandem.problem.NotFoundException;

/**
 * The loop's reactions to what other modules announce. Each runs after the announcing
 * transaction commits, in its own, and is kept in the event publication registry until it
 * completes, so a reaction is resubmitted if the process dies before it ran. Every reaction is
 * idempotent: the unique constraints behind proposals, graduations and alerts turn a
 * concurrent or repeated reaction into "already done".
 */
@Component
class LoopReactions {

	private static final Logger log = LoggerFactory.getLogger(LoopReactions.class);

	private final Proposals proposals;
	private final Graduations graduations;
	private final GuardrailAlerts alerts;
	private final Okrs okrs;
	private final Clock clock;
	private final Timer reactionLatency;

	LoopReactions(Proposals proposals, Graduations graduations, GuardrailAlerts alerts, Okrs okrs, Clock clock,
			MeterRegistry meters) {
		this.okrs = okrs;
		this.proposals = proposals;
		this.graduations = graduations;
		this.alerts = alerts;
		this.clock = clock;
		this.reactionLatency = Timer.builder("tandem.loop.reaction.latency")
			.description("From a measurement's commit to the proposal it caused being stored")
			.register(meters);
	}

	@Async
	@TransactionalEventListener
	void on(MeasurementRecorded event) {
		// both this and the health change of the same write may propose; whichever stores it times it
		timed(propose(event.kpi()), event.recordedAt());
		graduate(graduations.reachedThrough(event.kpi()));
	}

	@Async
	@TransactionalEventListener
	void on(KpiHealthChanged event) {
		timed(propose(event.kpi()), event.judgedAt());
		if (alerts.concerns(event.kpi())) {
			guard();
		}
	}

	@Async
	@TransactionalEventListener
	void on(CheckInRecorded event) {
		graduate(List.of(event.keyResultId()));
	}

	@Async
	@TransactionalEventListener
	void on(ObjectiveActivated event) {
		guard();
		// the KPIs its key results follow are now being improved: their open proposals are moot
		List<KeyResultView> keyResults;
		try {
			keyResults = okrs.objective(event.objectiveId()).keyResults();
		}
		catch (NotFoundException deletedSince) {
			return; // nothing of it is left to improve anything
		}
		keyResults.stream().map(KeyResultView::kpi).filter(Objects::nonNull).distinct().forEach(this::propose);
	}

	@Async
	@TransactionalEventListener
	void on(KeyResultLinked event) {
		propose(event.kpi());
	}

	@Async
	@TransactionalEventListener
	void on(CycleClosed event) {
		graduate(graduations.reachedIn(event.cycleId()));
		guard();
	}

	private void timed(boolean proposed, Instant since) {
		if (proposed && since != null) {
			reactionLatency.record(Duration.between(since, clock.instant()));
		}
	}

	/** True when this call stored a new proposal. */
	boolean propose(String kpi) {
		try {
			var proposed = proposals.consider(kpi);
			proposed.ifPresent(id -> log.info("Proposed an objective for KPI '{}' (proposal {}).", kpi, id));
			return proposed.isPresent();
		}
		catch (DuplicateKeyException concurrent) {
			// another reaction to the same KPI proposed first: one open proposal is the point
			return false;
		}
	}

	void graduate(List<Long> keyResultIds) {
		for (var id : keyResultIds) {
			try {
				if (graduations.considerKeyResult(id)) {
					log.info("Key result {} reached its target: proposed its graduation.", id);
				}
			}
			catch (DuplicateKeyException concurrent) {
				// proposed by a concurrent reaction
			}
		}
	}

	void guard() {
		try {
			int raised = alerts.evaluate();
			if (raised > 0) {
				log.info("Raised {} guardrail alert(s).", raised);
			}
		}
		catch (DuplicateKeyException concurrent) {
			// a concurrent evaluation raised the same alert; the next one settles the rest
		}
	}
}
