package dev.tandem.loop;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A graduation as the API shows it: the key result that reached its target, the KPI it hands its
 * level to ({@code kpi} absent: a metric that is not yet a KPI, and accepting creates one), the
 * KPI's healthy level before ({@code from}) and the level achieved ({@code to}). Once accepted,
 * {@code raised} says whether the achieved level beat the KPI's thresholds and so raised them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraduationView(long id, long keyResultId, long objectiveId, long cycleId, String kpi, String title,
		String team, String owner, String unit, boolean decrease, Double from, double to, GraduationState state,
		Instant createdAt, Instant decidedAt, String decidedBy, String dismissReason, Boolean raised,
		String createdKpi) {
}
