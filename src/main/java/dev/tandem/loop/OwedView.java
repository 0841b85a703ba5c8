package dev.tandem.loop;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tandem.kpi.HealthStatus;

/**
 * What one person owes: check-ins due on their key results, KPIs they own without fresh data,
 * proposals and graduations waiting for their decision, guardrail alerts on their objectives, and
 * the open decisions of KPI reviews that they own (added by {@link OwedContributor}s).
 */
public record OwedView(String person, int total, List<DueCheckIn> checkIns, List<KpiWithoutData> kpis,
		List<ProposalView> proposals, List<GraduationView> graduations, List<GuardrailAlertView> alerts,
		List<OwedContributor.OwedDecision> decisions) {

	/** A key result whose last check-in (or its cycle's start) is a week or more ago. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DueCheckIn(long keyResultId, String keyResult, long objectiveId, String objective,
			Instant lastCheckInAt, long daysSince) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record KpiWithoutData(String kpi, String name, HealthStatus status, Instant lastAt) {
	}
}
