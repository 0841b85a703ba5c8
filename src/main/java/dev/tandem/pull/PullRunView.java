package dev.tandem.pull;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One run of a KPI's pull: OK with the points it stored, or FAILED with why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullRunView(long id, Status status, int points, String message, String connection, Instant startedAt,
		Instant finishedAt) {

	public enum Status {
		OK, FAILED
	}
}
