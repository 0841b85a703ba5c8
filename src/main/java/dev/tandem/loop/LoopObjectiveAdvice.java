package dev.tandem.loop;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tandem.okr.ObjectiveAdvice;

/**
 * The loop's guardrail alerts, coach and proposals, as the OKR pages ask for them: the OKR module declares
 * what it shows, and the loop, which depends on it, answers.
 */
@Component
class LoopObjectiveAdvice implements ObjectiveAdvice {

	private final GuardrailAlerts alerts;
	private final Coach coach;
	private final Proposals proposals;

	LoopObjectiveAdvice(GuardrailAlerts alerts, Coach coach, Proposals proposals) {
		this.alerts = alerts;
		this.coach = coach;
		this.proposals = proposals;
	}

	@Override
	public Optional<Origin> origin(long objectiveId) {
		return proposals.draftOf(objectiveId).map(p -> new Origin(p.id(), p.kpi(), p.kpiName(), p.decidedAt()));
	}

	@Override
	public List<Alert> openAlerts(long objectiveId, int limit) {
		return alerts.list(true, objectiveId, limit, 0).stream()
			.map(a -> new Alert(a.kpi(), a.status(), a.worstStatus(), a.raisedAt()))
			.toList();
	}

	@Override
	public List<Finding> findings(long objectiveId) {
		return advice(coach.findings(null, null, objectiveId));
	}

	@Override
	public List<Finding> check(Draft draft) {
		var keyResults = draft.keyResults().stream()
			.map(k -> new CoachDraft.KeyResult(k.title(), k.type(), k.owner(), k.baseline(), k.target(), k.kpi(),
					k.direction()))
			.toList();
		return advice(coach.check(new CoachDraft(draft.title(), draft.owner(), keyResults, draft.guardrails())));
	}

	private static List<Finding> advice(List<CoachFinding> findings) {
		return findings.stream()
			.map(f -> new Finding(f.rule().name(), f.severity() == CoachFinding.Severity.WARNING, f.subject(), f.message()))
			.toList();
	}
}
