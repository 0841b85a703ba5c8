package dev.tandem.okr;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An objective with its key results, score, colour and status, the progress the time elapsed
 * expects ({@code expected}), the lowest latest confidence of its key results (the weakest
 * link), its guardrails with their health, alignment, and its links to past and future cycles.
 * {@code score} is absent while it has no key results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectiveView(long id, long cycle, String cycleName, long teamId, String team, String owner,
		String title, String description, ObjectiveLevel level, Long parentId, List<Long> contributesTo,
		Commitment commitment, ObjectiveState state, Double score, ScoreColour colour, OkrStatus status,
		Double expected, Integer confidence, List<KeyResultView> keyResults, List<GuardrailView> guardrails,
		Long carriedFrom, List<Long> carriedInto, String retrospective, boolean frozen, long version,
		Instant createdAt, Instant updatedAt) {

	ObjectiveView withCarriedInto(List<Long> ids) {
		return new ObjectiveView(id, cycle, cycleName, teamId, team, owner, title, description, level, parentId,
				contributesTo, commitment, state, score, colour, status, expected, confidence, keyResults, guardrails,
				carriedFrom, ids, retrospective, frozen, version, createdAt, updatedAt);
	}

	ObjectiveView withKeyResults(List<KeyResultView> views) {
		return new ObjectiveView(id, cycle, cycleName, teamId, team, owner, title, description, level, parentId,
				contributesTo, commitment, state, score, colour, status, expected, confidence, views, guardrails,
				carriedFrom, carriedInto, retrospective, frozen, version, createdAt, updatedAt);
	}
}
