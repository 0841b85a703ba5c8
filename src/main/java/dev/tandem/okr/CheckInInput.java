package dev.tandem.okr;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A check-in: a metric's new value (optional for a KPI-linked key result: the KPI's value is
 * taken) or a milestone's {@code done}, a confidence from 0 to 10 (see the rubric), and the
 * answers that make a check-in useful. {@code at} back-dates a forgotten check-in; it must lie
 * within the cycle and not in the future.
 */
public record CheckInInput(Double value, Boolean done, @NotNull @Min(0) @Max(10) Integer confidence,
		@Size(max = 2000) String changed, @Size(max = 2000) String learned, @Size(max = 2000) String blockers,
		@Size(max = 2000) String decision, Instant at) {

	public static CheckInInput of(Double value, Boolean done, int confidence, String changed, Instant at) {
		return new CheckInInput(value, done, confidence, changed, null, null, null, at);
	}
}
