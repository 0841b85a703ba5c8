package dev.tandem.loop;

import java.time.Instant;

/** The loop proposed an objective for a KPI that is unhealthy or worsening: an editor of {@code teamId} decides it. */
public record ProposalCreated(long proposalId, String kpi, long teamId, String suggestedObjective, Instant at) {
}
