package dev.tandem.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
		return of(kpi, reason, drivers, Optional.empty());
	}

	/**
	 * A KPI that is still healthy but declining is asked back to the better of its healthy level
	 * and the level it had before the decline began: "back to its target" would ask for nothing.
	 */
	static ProposalDraft of(KpiView kpi, ProposalReason reason, List<KpiView> drivers, Optional<Double> levelBeforeDecline) {
		var objective = reason == ProposalReason.RED ? "Restore " + kpi.name() + " to health"
				: "Reverse the decline of " + kpi.name();
		var keyResults = new ArrayList<SuggestedKeyResult>();
		keyResults.add(reason == ProposalReason.WORSENING && kpi.health().status() == HealthStatus.GREEN
				&& kpi.shape() != Shape.BAND && levelBeforeDecline.isPresent()
						? keyResult(kpi, better(kpi.direction(), kpi.target(), levelBeforeDecline.get()))
						: keyResult(kpi));
		drivers.stream()
			.sorted(Comparator.comparingInt((KpiView d) -> rank(d.health().status())).thenComparing(KpiView::key))
			.limit(MAX_KEY_RESULTS - 1)
			.forEach(driver -> keyResults.add(keyResult(driver)));
		return new ProposalDraft(objective, List.copyOf(keyResults));
	}

	static SuggestedKeyResult keyResult(KpiView kpi) {
		return keyResult(kpi, target(kpi, kpi.health().value()));
	}

	private static double better(Direction direction, double a, double b) {
		return direction == Direction.LOWER_IS_BETTER ? Math.min(a, b) : Math.max(a, b);
	}

	private static SuggestedKeyResult keyResult(KpiView kpi, double target) {
		Double current = kpi.health().value();
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
