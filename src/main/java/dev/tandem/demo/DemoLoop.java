package dev.tandem.demo;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;
import dev.tandem.loop.Graduations;
import dev.tandem.loop.GuardrailAlerts;
import dev.tandem.loop.ProposalState;
import dev.tandem.loop.Proposals;
import dev.tandem.okr.CheckInInput;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.Objectives;
import dev.tandem.okr.Okrs;

/**
 * The loop's half of the demo, after the KPIs and OKRs are in: every step of the loop has
 * something to show. Uptime is red with nothing improving it (an open proposal); time to
 * resolution has worsened for months, and Priya accepted its proposal and is working on it
 * (an objective in progress); repeat complaints fell below the key result's target this week
 * (a graduation waiting); and CSAT, the guardrail of that loyalty objective, dipped to amber (an
 * alert). The loop's own reactions to the demo's measurements run at the same time, so each
 * step treats "already done" as done.
 */
class DemoLoop {

	private final Kpis kpis;
	private final Proposals proposals;
	private final Graduations graduations;
	private final GuardrailAlerts alerts;
	private final Okrs okrs;
	private final Objectives objectives;
	private final CheckIns checkIns;
	private final Instant thisMorning;

	DemoLoop(Kpis kpis, Proposals proposals, Graduations graduations, GuardrailAlerts alerts, Okrs okrs,
			Objectives objectives, CheckIns checkIns, Instant thisMorning) {
		this.kpis = kpis;
		this.proposals = proposals;
		this.graduations = graduations;
		this.alerts = alerts;
		this.okrs = okrs;
		this.objectives = objectives;
		this.checkIns = checkIns;
		this.thisMorning = thisMorning;
	}

	void load() {
		kpis.record(List.of(new NewMeasurement("repeat-complaints", thisMorning, 3.4,
				"every repeat complaint now gets a root cause")), i -> "repeat-complaints", Source.MANUAL);
		kpis.record(List.of(new NewMeasurement("csat", thisMorning, 4.4,
				"survey after the holiday rota change: waits were longer")), i -> "csat", Source.MANUAL);

		kpis.list(null).forEach(kpi -> once(() -> proposals.consider(kpi.key())));
		as("priya", this::takeOnTimeToResolution);
		graduations.reachedNow().forEach(keyResult -> once(() -> graduations.considerKeyResult(keyResult)));
		once(alerts::evaluate);
	}

	/** Priya accepted the proposal for time to resolution, activated it and checked in once. */
	private void takeOnTimeToResolution() {
		var proposal = proposals.list(ProposalState.OPEN, 1000, 0).stream()
			.filter(p -> p.kpi().equals("time-to-resolution"))
			.findFirst();
		if (proposal.isEmpty()) {
			return;
		}
		var cycle = okrs.currentCycle().orElse(null);
		var accepted = proposals.accept(proposal.get().id(), cycle == null ? null : cycle.id());
		objectives.activate(accepted.objectiveId());
		var keyResult = okrs.objective(accepted.objectiveId()).keyResults().get(0);
		checkIns.record(keyResult.id(), new CheckInInput(kpis.health("time-to-resolution").value(), null, 6,
				"Triage rota started: every ticket gets an owner within the hour.",
				"Most slow tickets wait for a second-line team, not for us.", "Second-line on-call only covers weekdays.",
				"Should second-line join the weekend rota?", null));
	}

	private static void as(String username, Runnable work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static void once(Supplier<?> step) {
		try {
			step.get();
		}
		catch (DuplicateKeyException doneConcurrently) {
			// the loop's own reaction did it a moment earlier
		}
	}
}
