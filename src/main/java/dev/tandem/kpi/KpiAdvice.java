package dev.tandem.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the loop has to say about a KPI, for its page: the objectives proposed for it (the one
 * waiting for a decision, and how the others ended) and the graduation waiting to raise it. The
 * loop module implements it: it depends on this module, which may not know it, so the page asks
 * through this interface rather than reaching up.
 */
public interface KpiAdvice {

	/** The proposals made for the KPI, newest first, at most {@code limit}. */
	List<Proposal> proposals(String kpiKey, int limit);

	/** The KPI's open graduation decision, if one waits: the level it offers. */
	Optional<Graduation> waitingGraduation(String kpiKey);

	/** The title of an objective (the one improving the KPI), for a link to name it; empty once it is deleted. */
	Optional<String> objectiveTitle(long objectiveId);

	/**
	 * A proposed objective and its outcome. {@code state} is OPEN (waiting), ACCEPTED (drafted as
	 * {@code objectiveId}), DISMISSED (with {@code dismissReason}) or WITHDRAWN (the KPI recovered,
	 * or an objective took it on, before anyone decided); {@code objectiveTitle} names the drafted
	 * objective (null if there is none, or it was deleted).
	 */
	record Proposal(long id, String state, String reason, String suggestedObjective, Instant createdAt,
			Instant decidedAt, String decidedBy, String dismissReason, Long objectiveId, String objectiveTitle) {

		public boolean open() {
			return "OPEN".equals(state);
		}
	}

	/** A key result's level waiting to become the KPI's threshold, and how many others compete with it. */
	record Graduation(long id, String keyResult, double to, int competing) {
	}
}
