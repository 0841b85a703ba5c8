package dev.tandem.review;

import java.time.Instant;

/** A review in a list: how long its agenda was and how many of its decisions are still open. */
public record ReviewSummary(long id, String team, Instant heldAt, String heldBy, int agendaItems, int decisions,
		int openDecisions) {
}
