package dev.tandem.loop;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.KpiAdvice;
import dev.tandem.okr.Okrs;

/**
 * The loop's proposals and graduations, as a KPI's page asks for them: the KPI module declares
 * what it shows, and the loop, which depends on it, answers.
 */
@Component
class LoopKpiAdvice implements KpiAdvice {

	private final Proposals proposals;
	private final Graduations graduations;
	private final Okrs okrs;

	LoopKpiAdvice(Proposals proposals, Graduations graduations, Okrs okrs) {
		this.proposals = proposals;
		this.graduations = graduations;
		this.okrs = okrs;
	}

	@Override
	public List<Proposal> proposals(String kpiKey, int limit) {
		var found = proposals.forKpi(kpiKey, limit);
		// the drafted objectives' titles, in one statement for all of them
		var titles = okrs.objectiveTitles(found.stream().map(ProposalView::objectiveId).filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		return found.stream()
			.map(p -> new Proposal(p.id(), p.state().name(), p.reason().name(), p.suggestedObjective(), p.createdAt(),
					p.decidedAt(), p.decidedBy(), p.dismissReason(), p.objectiveId(),
					p.objectiveId() == null ? null : titles.get(p.objectiveId())))
			.toList();
	}

	@Override
	public Optional<String> objectiveTitle(long objectiveId) {
		return Optional.ofNullable(okrs.objectiveTitles(List.of(objectiveId)).get(objectiveId));
	}

	@Override
	public Optional<Graduation> waitingGraduation(String kpiKey) {
		return graduations.openFor(kpiKey)
			.map(g -> new Graduation(g.id(), g.title(), g.to(), g.competing() == null ? 0 : g.competing().size()));
	}
}
