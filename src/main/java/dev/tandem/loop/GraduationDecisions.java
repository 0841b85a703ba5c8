package dev.tandem.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

import dev.tandem.kpi.Direction;

/**
 * One decision per KPI: the open graduations of one KPI (two key results on it that both reached
 * their targets, say) are decided together. The decision offers the best level in the KPI's
 * direction (higher for higher-is-better, lower for lower-is-better; the key result's own
 * direction where the KPI has none, as a band); of equal levels the oldest, so a later equal one
 * joins without changing what is offered. A graduation without a KPI is a decision of its own.
 */
final class GraduationDecisions {

	private GraduationDecisions() {
	}

	/**
	 * The decisions among open graduations, in the order of their first member in {@code open}
	 * (newest first, as listed): each the offered graduation with the others as its competitors.
	 */
	static List<GraduationView> decisions(List<GraduationView> open, Function<String, Direction> directionOf) {
		var byKpi = new LinkedHashMap<Object, List<GraduationView>>();
		for (var g : open) {
			byKpi.computeIfAbsent(g.kpi() == null ? (Object) g.id() : g.kpi(), k -> new ArrayList<>()).add(g);
		}
		var decisions = new ArrayList<GraduationView>();
		for (var group : byKpi.values()) {
			decisions.add(group.size() == 1 ? group.get(0) : decision(group, directionOf.apply(group.get(0).kpi())));
		}
		return decisions;
	}

	/** One KPI's open graduations as one decision: the best offered, the others (best first) competing. */
	static GraduationView decision(List<GraduationView> group, Direction direction) {
		var ranked = new ArrayList<>(group);
		ranked.sort(better(direction));
		return ranked.get(0).offering(ranked.subList(1, ranked.size()));
	}

	/** Best level first in the KPI's direction; of equal levels, the oldest first. */
	static Comparator<GraduationView> better(Direction direction) {
		return Comparator.<GraduationView>comparingDouble(g -> -g.to() * sign(direction, g))
			.thenComparing(GraduationView::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(GraduationView::id);
	}

	private static int sign(Direction direction, GraduationView g) {
		return direction != null ? direction.sign() : g.decrease() ? -1 : 1;
	}
}
