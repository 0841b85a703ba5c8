package dev.tandem.loop;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module that depends on the loop adds to a person's "what I owe", so that the loop never
 * depends on it: the review module's open decisions. Read, not event-driven: what is owed is
 * whatever stands open now.
 */
public interface OwedContributor {

	/** The open decisions this person owns, soonest due first. */
	List<OwedDecision> decisionsOwedBy(String username);

	/** A decision taken in a KPI review, still to be carried out; {@code overdue} once its due date is past. */
	record OwedDecision(long id, String action, LocalDate due, boolean overdue, long reviewId, String team) {
	}
}
