package dev.tandem.loop;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A graduation as the API shows it: the key result that reached its target, the KPI it hands its
 * level to ({@code kpi} absent: a metric that is not yet a KPI, and accepting creates one), the
 * KPI's healthy level before ({@code from}) and the level achieved ({@code to}). Once accepted,
 * {@code raised} says whether the achieved level beat the KPI's thresholds and so raised them.
 * <p>
 * The open graduations of one KPI are one decision: the one with the best level (in the KPI's
 * direction) is offered and lists the others as {@code competing}; each of those names the
 * offered one as {@code offeredInstead}. Accepting one settles the others: they become
 * {@code SUPERSEDED}, with {@code supersededBy} the accepted one and {@code supersededReason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraduationView(long id, long keyResultId, long objectiveId, long cycleId, String kpi, String title,
		String team, String owner, String unit, boolean decrease, Double from, double to, GraduationState state,
		Instant createdAt, Instant decidedAt, String decidedBy, String dismissReason, Boolean raised,
		String createdKpi, Long supersededBy, String supersededReason, List<Competitor> competing,
		Long offeredInstead) {

	/** Another open graduation of the same KPI, decided together with the one offered. */
	public record Competitor(long id, long keyResultId, long objectiveId, long cycleId, String title, String team,
			double to) {
	}

	/** This one as the offered level of its KPI's decision, the others competing with it. */
	GraduationView offering(List<GraduationView> others) {
		var competitors = others.stream()
			.map(o -> new Competitor(o.id(), o.keyResultId(), o.objectiveId(), o.cycleId(), o.title(), o.team(), o.to()))
			.toList();
		return new GraduationView(id, keyResultId, objectiveId, cycleId, kpi, title, team, owner, unit, decrease, from,
				to, state, createdAt, decidedAt, decidedBy, dismissReason, raised, createdKpi, supersededBy,
				supersededReason, competitors.isEmpty() ? null : competitors, null);
	}

	/** This one as a competitor of the graduation offered for its KPI. */
	GraduationView outdoneBy(long offered) {
		return new GraduationView(id, keyResultId, objectiveId, cycleId, kpi, title, team, owner, unit, decrease, from,
				to, state, createdAt, decidedAt, decidedBy, dismissReason, raised, createdKpi, supersededBy,
				supersededReason, null, offered);
	}
}
