package dev.tandem.review;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tandem.kpi.HealthStatus;

/**
 * One line of a review's agenda: a KPI (its key, name, status and latest value), with a note
 * saying why it is on the agenda; {@code ref} is the proposal's or guardrail alert's id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgendaItem(String kpi, String name, HealthStatus status, Double value, String note, Long ref) {
}
