package dev.tandem.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.tandem.kpi.Direction;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Shape;
import dev.tandem.loop.ProposalView.SuggestedKeyResult;

/**
 * What a proposal suggests: a qualitative objective (the number belongs in the key result),
 * a key result that moves the KPI from its current value to its healthy level, and key
 * results on its leading drivers, the least healthy first — at most four key results in all.
 */
record ProposalDraft(String objective, List<SuggestedKeyResult> keyResults) {

	static final int MAX_KEY_RESULTS = 4;

	static ProposalDraft of(KpiView kpi, ProposalReason reason, List<KpiView> drivers) {
		var objective = reason == ProposalReason.RED ? "Restore " + kpi.name() + " to health"
				: "Reverse the decline of " + kpi.name();
		var keyResults = new ArrayList<SuggestedKeyResult>();
		keyResults.add(keyResult(kpi));
		drivers.stream()
			.sorted(Comparator.comparingInt((KpiView d) -> rank(d.health().status())).thenComparing(KpiView::key))
			.limit(MAX_KEY_RESULTS - 1)
			.forEach(driver -> keyResults.add(keyResult(driver)));
		return new ProposalDraft(objective, List.copyOf(keyResults));
	}

	static SuggestedKeyResult keyResult(KpiView kpi) {
		Double current = kpi.health().value();
		double target = target(kpi, current);
		boolean increase = current == null ? kpi.shape() != Shape.BAND && kpi.direction() == Direction.HIGHER_IS_BETTER
				: target >= current;
		var verb = increase ? "Increase " : "Reduce ";
		var title = current == null ? verb + kpi.name() + " to " + FocusRanking.format(target, kpi.unit())
				: verb + kpi.name() + " from " + FocusRanking.format(current, kpi.unit()) + " to "
						+ FocusRanking.format(target, kpi.unit());
		return new SuggestedKeyResult(kpi.key(), title, current, target);
	}

	/** The KPI's healthy level: its target, or for a band the nearer edge (the smallest healthy move). */
	static double target(KpiView kpi, Double current) {
		if (kpi.shape() != Shape.BAND) {
			return kpi.target();
		}
		if (current == null) {
			return (kpi.lower() + kpi.upper()) / 2;
		}
		return current < kpi.lower() ? kpi.lower() : current > kpi.upper() ? kpi.upper() : current;
	}

	private static int rank(HealthStatus status) {
		return switch (status) {
			case RED -> 0;
			case AMBER -> 1;
			case STALE -> 2;
			case NO_DATA -> 3;
			case GREEN -> 4;
		};
	}
}
