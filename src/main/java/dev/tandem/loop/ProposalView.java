package dev.tandem.loop;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A proposal as the API shows it; {@code suggestedKeyResult} is the KPI's own, {@code keyResults} all of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalView(long id, String kpi, String kpiName, ProposalReason reason, ProposalState state,
		String team, String owner, Long cycle, String suggestedObjective, SuggestedKeyResult suggestedKeyResult,
		List<SuggestedKeyResult> keyResults, Instant createdAt, Instant decidedAt, String decidedBy,
		String dismissReason, Long objectiveId) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SuggestedKeyResult(String kpi, String title, Double baseline, double target) {
	}
}
