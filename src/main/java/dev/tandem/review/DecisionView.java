package dev.tandem.review;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A decision taken in a KPI review: what to do, who does it, by when; {@code overdue} once due and not done. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(long id, long review, String team, String action, String owner, LocalDate due, boolean done,
		boolean overdue, Instant doneAt, long version, Instant createdAt) {
}
