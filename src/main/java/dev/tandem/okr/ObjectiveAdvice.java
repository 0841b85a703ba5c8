package dev.tandem.okr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tandem.kpi.HealthStatus;

/**
 * What the loop has to say about an objective, for the OKR pages: the guardrail alerts raised
 * on it, and the coach's findings on it as saved or as it is being written. The loop module
 * implements it: it knows this module, and this module may not know it, so the pages ask
 * through this interface rather than reaching up.
 */
public interface ObjectiveAdvice {

	/** The guardrail alerts still open on the objective, at most {@code limit}. */
	List<Alert> openAlerts(long objectiveId, int limit);

	/** The proposal the objective was drafted from, when the loop proposed it for a KPI and someone accepted. */
	Optional<Origin> origin(long objectiveId);

	/** The coach's findings on a saved objective and its key results. */
	List<Finding> findings(long objectiveId);

	/** The coach's findings on an objective as it is being written; nothing but the draft is read, nothing saved. */
	List<Finding> check(Draft draft);

	/** A guardrail KPI that turned amber or red while the objective runs, and the worst it reached since. */
	record Alert(String kpi, HealthStatus status, HealthStatus worstStatus, Instant raisedAt) {
	}

	/** An accepted proposal: its id, and the KPI it was made for (key and name). */
	record Origin(long proposalId, String kpi, String kpiName, Instant acceptedAt) {
	}

	/** One thing the coach noticed: the rule's code, whether it is a warning, what it is about, and what to do. */
	record Finding(String rule, boolean warning, String subject, String message) {
	}

	/** An objective as its form or its key result's form holds it: its key results and guardrails (KPI keys). */
	record Draft(String title, String owner, List<KeyResult> keyResults, List<String> guardrails) {

		public record KeyResult(String title, KeyResultType type, String owner, Double baseline, Double target, String kpi,
				MetricDirection direction) {

			/** A saved key result, beside the one being written. */
			public static KeyResult of(KeyResultView saved) {
				return new KeyResult(saved.title(), saved.type(), saved.owner(), saved.baseline(), saved.target(),
						saved.kpi(), saved.direction());
			}
		}
	}
}
