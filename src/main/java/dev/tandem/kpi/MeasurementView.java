package dev.tandem.kpi;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A stored measurement; {@code superseded} when a later record at the same instant corrected it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasurementView(long id, Instant at, double value, String note, String source, String recordedBy,
		Instant recordedAt, boolean superseded) {
}
