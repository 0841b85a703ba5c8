package dev.tandem.okr;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A check-in as recorded, with the baseline and target its key result had at the time and the
 * progress they made of its value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInView(long id, long keyResultId, Instant at, Double value, ValueSource valueSource, Boolean done,
		int confidence, String changed, String learned, String blockers, String decision, Double baseline,
		Double target, Double progress, String recordedBy, Instant recordedAt) {
}
