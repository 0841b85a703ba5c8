package dev.tandem.loop;

/** Why Tandem proposes an objective for a KPI. */
public enum ProposalReason {
	/** The KPI is red. */
	RED,
	/** The KPI has worsened for three consecutive periods. */
	WORSENING
}
