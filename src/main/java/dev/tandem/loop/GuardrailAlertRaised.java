package dev.tandem.loop;

import java.time.Instant;

import dev.tandem.kpi.HealthStatus;

/** A KPI guarding an active objective left its healthy zone: an alert was raised for the objective's owner. */
public record GuardrailAlertRaised(long objectiveId, long kpiId, long teamId, HealthStatus status, Double value,
		Instant at) {
}
