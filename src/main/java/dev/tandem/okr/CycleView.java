package dev.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cycle as the API shows it. {@code ended} says its last day is past; it stays ACTIVE (late
 * check-ins still count) until someone closes it, which freezes its scores.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CycleView(long id, String name, LocalDate start, LocalDate end, CycleStatus status, boolean ended,
		double elapsed, Instant closedAt, String closedBy, long version, Instant createdAt) {
}
