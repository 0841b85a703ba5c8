package dev.tandem.loop;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tandem.kpi.HealthStatus;

/**
 * A guardrail alert: a KPI guarding an active objective turned amber or red. {@code status} is
 * the guardrail's latest, {@code worstStatus} the worst it reached while the alert was open;
 * {@code clearedAt} and why, once it recovered or the objective stopped running.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardrailAlertView(long id, long objectiveId, String objective, String team, String kpi,
		HealthStatus status, HealthStatus worstStatus, Double value, boolean open, Instant raisedAt, Instant updatedAt,
		Instant clearedAt, String clearedBecause) {
}
