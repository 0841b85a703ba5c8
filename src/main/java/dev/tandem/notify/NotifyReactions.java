package dev.tandem.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiHealthChanged;
import dev.tandem.kpi.Kpis;
import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.notify.Notifications.ChannelMessage;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.loop.GraduationProposed;
import dev.tandem.loop.GuardrailAlertRaised;
import dev.tandem.loop.ProposalCreated;
import dev.tandem.loop.ProposalDecided;
import dev.tandem.okr.CheckInRecorded;
import dev.tandem.okr.CycleClosed;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.org.Role;
import dev.tandem.org.TeamView;

/**
 * What this module says on its own account when something happens elsewhere: a message to the
 * channels subscribed to the event, and a notice to the person concerned when they opted in.
 * Each listener runs after the change committed and is retried if it fails (the event
 * publication registry); the idempotency keys make a retry queue nothing twice.
 */
@Component
class NotifyReactions {

	private final OutboxNotifications notifications;
	private final Notices notices;
	private final Kpis kpis;
	private final Okrs okrs;
	private final Organisation organisation;
	private final Channels channels;

	NotifyReactions(OutboxNotifications notifications, Notices notices, Kpis kpis, Okrs okrs, Organisation organisation,
			Channels channels) {
		this.channels = channels;
		this.notifications = notifications;
		this.notices = notices;
		this.kpis = kpis;
		this.okrs = okrs;
		this.organisation = organisation;
	}

	@ApplicationModuleListener
	void on(KpiHealthChanged changed) {
		if (changed.from() == changed.to()) {
			return; // only a run of worsening periods began or ended: not news for a channel
		}
		if (changed.to() != HealthStatus.RED && !channels.anySubscribed(ChannelEvent.KPI_HEALTH_CHANGED)) {
			return; // the common case in a bulk import: nobody to tell, so no KPI to read
		}
		var kpi = kpis.find(changed.kpi()).orElse(null);
		if (kpi == null) {
			return;
		}
		var key = "kpi-health:" + changed.kpiId() + ":" + changed.from() + ">" + changed.to() + ":"
				+ (changed.judgedAt() == null ? "" : changed.judgedAt().toEpochMilli());
		var team = organisation.findTeam(kpi.team()).map(TeamView::id).orElse(null);
		var line = "KPI " + kpi.name() + " is now " + changed.to() + (changed.from() == null ? "" : " (was " + changed.from() + ")") + ".";
		var data = new LinkedHashMap<String, Object>();
		data.put("kpi", kpi.key());
		data.put("name", kpi.name());
		data.put("team", kpi.team());
		data.put("from", changed.from());
		data.put("to", changed.to());
		data.put("worseningPeriods", changed.worseningPeriods());
		notifications.toChannels(new ChannelMessage(team, ChannelEvent.KPI_HEALTH_CHANGED, key,
				line + " " + notices.link("/kpis/" + kpi.key()), data));
		if (changed.to() == HealthStatus.RED && kpi.owner() != null) {
			notifyPersonally(kpi.owner(), PersonalEvent.KPI_RED, key, "KPI " + kpi.name() + " turned red", line,
					"/kpis/" + kpi.key());
		}
	}

	@ApplicationModuleListener
	void on(CheckInRecorded recorded) {
		var objective = okrs.objective(recorded.objectiveId());
		var keyResult = okrs.keyResult(recorded.keyResultId());
		var line = "Check-in on \"" + keyResult.title() + "\" (" + objective.title() + "): "
				+ (recorded.value() != null ? "value " + recorded.value() : Boolean.TRUE.equals(recorded.done()) ? "done" : "not done")
				+ ", confidence " + recorded.confidence() + "/10.";
		var data = new LinkedHashMap<String, Object>();
		data.put("checkIn", recorded.checkInId());
		data.put("keyResult", recorded.keyResultId());
		data.put("objective", recorded.objectiveId());
		data.put("cycle", recorded.cycleId());
		data.put("team", objective.team());
		data.put("value", recorded.value());
		data.put("done", recorded.done());
		data.put("confidence", recorded.confidence());
		data.put("reachedTarget", recorded.reachedTarget());
		notifications.toChannels(new ChannelMessage(objective.teamId(), ChannelEvent.CHECK_IN_RECORDED,
				"check-in:" + recorded.checkInId(), line + " " + notices.link("/objectives/" + objective.id()), data));
	}

	@ApplicationModuleListener
	void on(CycleClosed closed) {
		notifications.toChannels(new ChannelMessage(null, ChannelEvent.CYCLE_CLOSED, "cycle-closed:" + closed.cycleId(),
				"Cycle " + closed.name() + " is closed: its scores are final.",
				Map.of("cycle", closed.cycleId(), "name", closed.name(), "closedAt", closed.closedAt().toString())));
	}

	@ApplicationModuleListener
	void on(ProposalCreated created) {
		var kpi = kpis.find(created.kpi()).orElse(null);
		var name = kpi == null ? created.kpi() : kpi.name();
		var line = "Tandem proposes an objective for KPI " + name + ": \"" + created.suggestedObjective() + "\".";
		var key = "proposal-created:" + created.proposalId();
		notifications.toChannels(new ChannelMessage(created.teamId(), ChannelEvent.PROPOSAL_CREATED, key,
				line + " " + notices.link("/inbox"), Map.of("proposal", created.proposalId(), "kpi", created.kpi(),
						"objective", created.suggestedObjective())));
		for (var decider : deciders(created.teamId())) {
			notifyPersonally(decider, PersonalEvent.PROPOSAL, key, "A proposal awaits your decision: " + name, line, "/inbox");
		}
	}

	@ApplicationModuleListener
	void on(ProposalDecided decided) {
		var line = "The proposal for KPI " + decided.kpi() + " was " + (decided.accepted() ? "accepted" : "dismissed")
				+ " by " + decided.by() + ".";
		var data = new LinkedHashMap<String, Object>();
		data.put("proposal", decided.proposalId());
		data.put("kpi", decided.kpi());
		data.put("accepted", decided.accepted());
		data.put("objective", decided.objectiveId());
		data.put("by", decided.by());
		notifications.toChannels(new ChannelMessage(decided.teamId(), ChannelEvent.PROPOSAL_DECIDED,
				"proposal-decided:" + decided.proposalId(), line, data));
	}

	@ApplicationModuleListener
	void on(GraduationProposed proposed) {
		var line = "The key result \"" + proposed.title() + "\" reached its target: Tandem proposes to keep it as a KPI.";
		var key = "graduation-proposed:" + proposed.keyResultId();
		notifications.toChannels(new ChannelMessage(proposed.teamId(), ChannelEvent.GRADUATION_PROPOSED, key,
				line + " " + notices.link("/inbox"), Map.of("keyResult", proposed.keyResultId(), "objective",
						proposed.objectiveId(), "title", proposed.title())));
		for (var decider : deciders(proposed.teamId())) {
			notifyPersonally(decider, PersonalEvent.PROPOSAL, key, "A graduation awaits your decision", line, "/inbox");
		}
	}

	@ApplicationModuleListener
	void on(GuardrailAlertRaised raised) {
		var objective = okrs.objective(raised.objectiveId());
		var kpi = kpis.names(List.of(raised.kpiId())).get(raised.kpiId());
		var name = kpi == null ? "#" + raised.kpiId() : kpi.name();
		var line = "Guardrail breached: KPI " + name + " is " + raised.status() + " while the objective \""
				+ objective.title() + "\" is pursued.";
		var key = "guardrail:" + raised.objectiveId() + ":" + raised.kpiId() + ":" + raised.at().toEpochMilli();
		var data = new LinkedHashMap<String, Object>();
		data.put("objective", raised.objectiveId());
		data.put("kpi", kpi == null ? null : kpi.key());
		data.put("status", raised.status());
		data.put("value", raised.value());
		notifications.toChannels(new ChannelMessage(raised.teamId(), ChannelEvent.GUARDRAIL_ALERT, key,
				line + " " + notices.link("/objectives/" + objective.id()), data));
		if (objective.owner() != null) {
			notifyPersonally(objective.owner(), PersonalEvent.GUARDRAIL_ALERT, key, "Guardrail breached: " + name, line,
					"/objectives/" + objective.id());
		}
	}

	private void notifyPersonally(String username, PersonalEvent event, String key, String subject, String line, String path) {
		if (notifications.preferencesOf(username).events().contains(event)) {
			notifications.email(notices.email(username, key, subject, line, path), event.name());
		}
	}

	/** Who decides a team's proposals: its editors, or the administrators when it has none. */
	private List<String> deciders(long teamId) {
		var team = organisation.findTeam(teamId).map(TeamView::key).orElse(null);
		var people = organisation.people().stream().filter(PersonView::active).toList();
		var editors = people.stream().filter(p -> p.role() == Role.EDITOR && p.teams().contains(team))
			.map(PersonView::username).toList();
		return editors.isEmpty()
				? people.stream().filter(p -> p.role() == Role.ADMIN).map(PersonView::username).toList() : editors;
	}
}
