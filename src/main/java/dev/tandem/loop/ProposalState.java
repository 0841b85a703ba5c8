package dev.tandem.loop;

/** Where a proposal stands. WITHDRAWN: before anyone decided, its KPI recovered or an objective took it on. */
public enum ProposalState {
	OPEN, ACCEPTED, DISMISSED, WITHDRAWN
}
