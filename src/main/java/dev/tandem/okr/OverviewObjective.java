package dev.tandem.okr;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An objective as the cycle overview lists it: what a whole-cycle page or report needs —
 * alignment, score, colour, status, confidence, guardrails and its key results — without what
 * only its own page shows (description, history links, timestamps, versions). A cycle of
 * thousands of objectives stays one response of a few megabytes rather than a dozen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverviewObjective(long id, String team, String owner, String title, ObjectiveLevel level,
		Long parentId, List<Long> contributesTo, Commitment commitment, ObjectiveState state, Double score,
		ScoreColour colour, OkrStatus status, Double expected, Integer confidence, List<KeyResult> keyResults,
		List<GuardrailView> guardrails, Long carriedFrom) {

	/** A key result in the overview: where it stands, without its timestamps and version. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record KeyResult(long id, String title, KeyResultType type, String owner, double weight, Double baseline,
			Double target, String unit, String kpi, Double current, Double progress, double score, ScoreColour colour,
			OkrStatus status, Boolean done, Integer confidence) {

		static KeyResult of(KeyResultView k) {
			return new KeyResult(k.id(), k.title(), k.type(), k.owner(), k.weight(), k.baseline(), k.target(), k.unit(),
					k.kpi(), k.current(), k.progress(), k.score(), k.colour(), k.status(), k.done(), k.confidence());
		}
	}

	static OverviewObjective of(ObjectiveView o) {
		return new OverviewObjective(o.id(), o.team(), o.owner(), o.title(), o.level(), o.parentId(),
				o.contributesTo().isEmpty() ? null : o.contributesTo(), o.commitment(), o.state(), o.score(), o.colour(),
				o.status(), o.expected(), o.confidence(), o.keyResults().stream().map(KeyResult::of).toList(),
				o.guardrails().isEmpty() ? null : o.guardrails(), o.carriedFrom());
	}
}
