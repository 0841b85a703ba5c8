package dev.tandem.loop;

/** Where a proposal stands. WITHDRAWN: its KPI recovered before anyone decided. */
public enum ProposalState {
	OPEN, ACCEPTED, DISMISSED, WITHDRAWN
}
