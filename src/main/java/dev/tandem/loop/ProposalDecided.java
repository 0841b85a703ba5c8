package dev.tandem.loop;

import java.time.Instant;

/** A proposal was accepted (into the draft objective {@code objectiveId}) or dismissed. */
public record ProposalDecided(long proposalId, String kpi, long teamId, boolean accepted, Long objectiveId, String by,
		Instant at) {
}
