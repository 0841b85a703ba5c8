package dev.tandem.loop;

import java.util.Optional;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiHealth;
import dev.tandem.kpi.Mode;

/**
 * When a KPI deserves a proposal: it is red, or has worsened three periods running, and
 * nothing is improving it already. A dismissal is respected until the KPI's situation
 * changes: it recovered and failed again, or got markedly worse than when it was dismissed.
 */
final class ProposalRules {

	/** "Markedly worse": the normalised distance from healthy grew by half again, and by at least half an amber zone. */
	static final double MARKEDLY_WORSE_FACTOR = 1.5;

	static final double MARKEDLY_WORSE_MINIMUM = 0.5;

	private ProposalRules() {
	}

	/** The last dismissal of a proposal for this KPI: the situation then, and whether the KPI has recovered since. */
	record Dismissal(KpiSituation situation, boolean recoveredSince) {
	}

	static Optional<ProposalReason> reason(KpiHealth health) {
		if (health.mode() == Mode.IMPROVING) {
			return Optional.empty();
		}
		if (health.status() == HealthStatus.RED) {
			return Optional.of(ProposalReason.RED);
		}
		if (health.worseningSignal() && health.status() != HealthStatus.STALE && health.status() != HealthStatus.NO_DATA) {
			return Optional.of(ProposalReason.WORSENING);
		}
		return Optional.empty();
	}

	/** Whether to propose now, given whether one is open and the last dismissal, if any. */
	static Optional<ProposalReason> propose(KpiHealth health, KpiSituation now, boolean openExists,
			Optional<Dismissal> lastDismissal) {
		if (openExists) {
			return Optional.empty();
		}
		var reason = reason(health);
		if (reason.isEmpty() || lastDismissal.isEmpty()) {
			return reason;
		}
		var dismissal = lastDismissal.get();
		boolean markedlyWorse = now.distance() >= dismissal.situation().distance() * MARKEDLY_WORSE_FACTOR
				&& now.distance() - dismissal.situation().distance() >= MARKEDLY_WORSE_MINIMUM
				|| now.status() == HealthStatus.RED && dismissal.situation().status() != HealthStatus.RED;
		return dismissal.recoveredSince() || markedlyWorse ? reason : Optional.empty();
	}
}
