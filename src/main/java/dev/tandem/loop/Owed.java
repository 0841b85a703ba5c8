package dev.tandem.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.Okrs;
import dev.tandem.loop.OwedView.DueCheckIn;
import dev.tandem.loop.OwedView.KpiWithoutData;

/** "What I owe": one list per person, gathered from the KPIs, the OKRs and the loop's decisions. */
@Service
@Transactional(readOnly = true)
public class Owed {

	private final Cycles cycles;
	private final Okrs okrs;
	private final Kpis kpis;
	private final Proposals proposals;
	private final Graduations graduations;
	private final GuardrailAlerts alerts;
	private final CoachSettings settings;
	private final List<OwedContributor> contributors;
	private final Clock clock;
	private final ZoneId zone;

	Owed(Cycles cycles, Okrs okrs, Kpis kpis, Proposals proposals, Graduations graduations,
			GuardrailAlerts alerts, CoachSettings settings, List<OwedContributor> contributors, Clock clock, ZoneId zone) {
		this.cycles = cycles;
		this.okrs = okrs;
		this.kpis = kpis;
		this.proposals = proposals;
		this.graduations = graduations;
		this.alerts = alerts;
		this.settings = settings;
		this.contributors = contributors;
		this.clock = clock;
		this.zone = zone;
	}

	public OwedView of(String username) {
		var now = clock.instant();
		var checkIns = new ArrayList<DueCheckIn>();
		var myObjectives = new ArrayList<Long>();
		// only the objectives that involve the person, not every objective of every active cycle
		var involving = okrs.objectivesInvolving(username);
		for (var cycle : cycles.list()) {
			if (cycle.status() != CycleStatus.ACTIVE || cycle.ended()) {
				continue;
			}
			Instant start = cycle.start().atStartOfDay(zone).toInstant();
			for (var objective : involving) {
				if (objective.cycle() != cycle.id()) {
					continue;
				}
				if (username.equals(objective.owner())) {
					myObjectives.add(objective.id());
				}
				if (objective.state() != ObjectiveState.ACTIVE) {
					continue;
				}
				for (var k : objective.keyResults()) {
					var since = k.lastCheckInAt() != null ? k.lastCheckInAt() : start;
					long days = Duration.between(since, now).toDays();
					if (username.equals(k.owner()) && days >= settings.checkInDays()) {
						checkIns.add(new DueCheckIn(k.id(), k.title(), objective.id(), objective.title(), k.lastCheckInAt(),
								days));
					}
				}
			}
		}
		var lacking = kpis.ownedBy(username).stream()
			.filter(kpi -> kpi.health() != null
					&& (kpi.health().status() == HealthStatus.STALE || kpi.health().status() == HealthStatus.NO_DATA))
			.map(kpi -> new KpiWithoutData(kpi.key(), kpi.name(), kpi.health().status(), kpi.health().lastMeasuredAt()))
			.toList();
		var myAlerts = new ArrayList<GuardrailAlertView>();
		myObjectives.forEach(id -> myAlerts.addAll(alerts.list(true, id, Coach.ALL, 0)));
		var waitingProposals = proposals.waitingForSignedIn();
		var waitingGraduations = graduations.waitingForSignedIn();
		var decisions = new ArrayList<OwedContributor.OwedDecision>();
		contributors.forEach(contributor -> decisions.addAll(contributor.decisionsOwedBy(username)));
		int total = checkIns.size() + lacking.size() + waitingProposals.size() + waitingGraduations.size()
				+ myAlerts.size() + decisions.size();
		return new OwedView(username, total, checkIns, lacking, waitingProposals, waitingGraduations, myAlerts,
				decisions);
	}
}
