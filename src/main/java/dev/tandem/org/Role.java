package dev.tandem.org;

/** What a person may do: everyone signed in reads everything; editing is restricted by role. */
public enum Role {
	/** Manages people and teams, and may change anything. */
	ADMIN,
	/** Changes the KPIs and OKRs of the teams they belong to. */
	EDITOR,
	/** Records check-ins and measurements on what they own. */
	MEMBER,
	/** Reads. */
	VIEWER
}
