package dev.tandem.loop;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.MetricDirection;

/** An objective as it is being written (nothing saved), for the coach to check as you type (API and forms). */
public record CoachDraft(@NotBlank @Size(max = 300) String title, String owner,
		@Size(max = 50) List<@Valid @NotNull KeyResult> keyResults, @Size(max = 50) List<String> guardrails) {

	public record KeyResult(@NotBlank @Size(max = 300) String title, KeyResultType type, String owner, Double baseline,
			Double target, String kpi, MetricDirection direction) {
	}

	CoachRules.Objective objective() {
		var krs = keyResults == null ? List.<CoachRules.KeyResult>of() : keyResults.stream()
			.map(k -> new CoachRules.KeyResult(null, k.title(), k.type() == KeyResultType.MILESTONE, k.owner(),
					k.baseline(), k.target(), k.kpi(), k.direction() == MetricDirection.DECREASE, null))
			.toList();
		return new CoachRules.Objective(null, title, null, owner, false, guardrails == null ? 0 : guardrails.size(), krs);
	}
}
