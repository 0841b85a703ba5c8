package dev.tandem.kpi;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One change of a KPI's definition: who, when, which field, from what, to what, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiChange(Instant at, String by, String field, String from, String to, String reason) {
}
