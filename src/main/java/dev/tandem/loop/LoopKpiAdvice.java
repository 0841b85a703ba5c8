package dev.tandem.loop;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.KpiAdvice;

/**
 * The loop's proposals and graduations, as a KPI's page asks for them: the KPI module declares
 * what it shows, and the loop, which depends on it, answers.
 */
@Component
class LoopKpiAdvice implements KpiAdvice {

	private final Proposals proposals;
	private final Graduations graduations;

	LoopKpiAdvice(Proposals proposals, Graduations graduations) {
		this.proposals = proposals;
		this.graduations = graduations;
	}

	@Override
	public List<Proposal> proposals(String kpiKey, int limit) {
		return proposals.forKpi(kpiKey, limit).stream()
			.map(p -> new Proposal(p.id(), p.state().name(), p.reason().name(), p.suggestedObjective(), p.createdAt(),
					p.decidedAt(), p.decidedBy(), p.dismissReason(), p.objectiveId()))
			.toList();
	}

	@Override
	public Optional<Graduation> waitingGraduation(String kpiKey) {
		return graduations.openFor(kpiKey)
			.map(g -> new Graduation(g.id(), g.title(), g.to(), g.competing() == null ? 0 : g.competing().size()));
	}
}
