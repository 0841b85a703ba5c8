package dev.tandem.review;

import java.time.Instant;
import java.util.List;

/** A KPI review: when it was held and by whom, its agenda as it stood then, and its decisions. */
public record ReviewView(long id, String team, Instant heldAt, String heldBy, Agenda agenda,
		List<DecisionView> decisions) {
}
