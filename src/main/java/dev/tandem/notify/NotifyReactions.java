package dev.tandem.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiHealthChanged;
import dev.tandem.kpi.Kpis;
import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.notify.Notifications.ChannelMessage;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.okr.CheckInRecorded;
import dev.tandem.okr.CycleClosed;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Organisation;
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

	NotifyReactions(OutboxNotifications notifications, Notices notices, Kpis kpis, Okrs okrs, Organisation organisation) {
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
		if (changed.to() == HealthStatus.RED && kpi.owner() != null
				&& notifications.preferencesOf(kpi.owner()).events().contains(PersonalEvent.KPI_RED)) {
			notifications.email(notices.email(kpi.owner(), key, "KPI " + kpi.name() + " turned red", line,
					"/kpis/" + kpi.key()), PersonalEvent.KPI_RED.name());
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
}
