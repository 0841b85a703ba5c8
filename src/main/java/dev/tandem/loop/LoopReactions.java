package dev.tandem.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.kpi.KpiHealthChanged;
import dev.tandem.kpi.MeasurementRecorded;

/**
 * The loop's reactions to what other modules announce. Each runs after the announcing
 * transaction commits, in its own, and is kept in the event publication registry until it
 * completes, so a reaction is resubmitted if the process dies before it ran.
 */
@Component
class LoopReactions {

	private static final Logger log = LoggerFactory.getLogger(LoopReactions.class);

	private final Proposals proposals;

	LoopReactions(Proposals proposals) {
		this.proposals = proposals;
	}

	@Async
	@TransactionalEventListener
	void on(MeasurementRecorded event) {
		consider(event.kpi());
	}

	@Async
	@TransactionalEventListener
	void on(KpiHealthChanged event) {
		consider(event.kpi());
	}

	private void consider(String kpi) {
		try {
			proposals.consider(kpi).ifPresent(id -> log.info("Proposed an objective for KPI '{}' (proposal {}).", kpi, id));
		}
		catch (DuplicateKeyException concurrent) {
			// another reaction to the same KPI proposed first: one open proposal is the point
		}
	}
}
