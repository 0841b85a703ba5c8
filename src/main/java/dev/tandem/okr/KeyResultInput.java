package dev.tandem.okr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.org.Slugs;

/**
 * A key result as POST and PUT take it. A METRIC needs a target and a baseline (a KPI-linked
 * one may leave the baseline out: the KPI's current value is taken); a MILESTONE takes neither.
 * {@code weight} defaults to 1; {@code kpi} is a KPI key.
 */
public record KeyResultInput(@NotBlank @Size(max = 200) String title, @NotNull KeyResultType type,
		@NotBlank String owner, Double weight, Double baseline, Double target, @Size(max = 32) String unit,
		@Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String kpi, Long version) {

	public static KeyResultInput metric(String title, String owner, double baseline, double target, String unit,
			String kpi) {
		return new KeyResultInput(title, KeyResultType.METRIC, owner, null, baseline, target, unit, kpi, null);
	}

	public static KeyResultInput milestone(String title, String owner) {
		return new KeyResultInput(title, KeyResultType.MILESTONE, owner, null, null, null, null, null, null);
	}

	KeyResultInput withBaseline(Double newBaseline) {
		return new KeyResultInput(title, type, owner, weight, newBaseline, target, unit, kpi, version);
	}

	double weightOrDefault() {
		return weight == null ? 1.0 : weight;
	}
}
