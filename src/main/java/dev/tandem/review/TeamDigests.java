package dev.tandem.review;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.Kpis;
import dev.tandem.notify.Notifications;
import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.org.Organisation;

/** Each team's weekly digest for its chat channels: how its KPIs stand, keyed by team and week. */
@Component
class TeamDigests {

	private final Organisation organisation;
	private final Kpis kpis;
	private final Notifications notifications;
	private final CadenceMessages messages;
	private final ZoneId zone;

	TeamDigests(Organisation organisation, Kpis kpis, Notifications notifications, CadenceMessages messages, ZoneId zone) {
		this.organisation = organisation;
		this.kpis = kpis;
		this.notifications = notifications;
		this.messages = messages;
		this.zone = zone;
	}

	int send(Instant now) {
		var week = Weeks.isoWeek(now.atZone(zone).toLocalDate());
		int sent = 0;
		for (var team : organisation.teams()) {
			var key = "team-digest:" + team.key() + ":" + week;
			var teamKpis = kpis.list(team.key());
			if (teamKpis.isEmpty() || !messages.claim(key, "TEAM_DIGEST", null, now)) {
				continue;
			}
			var counts = new LinkedHashMap<String, Integer>();
			for (var status : HealthStatus.values()) {
				counts.put(status.name(), 0);
			}
			teamKpis.forEach(kpi -> counts.merge(kpi.health().status().name(), 1, Integer::sum));
			var worst = teamKpis.stream().filter(kpi -> kpi.health().status() == HealthStatus.RED).map(kpi -> kpi.name())
				.limit(5).toList();
			var text = team.name() + ", week " + week + ": " + counts.get("RED") + " red, " + counts.get("AMBER") + " amber, "
					+ (counts.get("STALE") + counts.get("NO_DATA")) + " without fresh data, " + counts.get("GREEN") + " green"
					+ (worst.isEmpty() ? "." : ". Red: " + String.join(", ", worst) + ".");
			Map<String, Object> data = Map.of("team", team.key(), "week", week, "statuses", counts, "red", worst);
			sent += notifications.toChannels(new Notifications.ChannelMessage(team.id(), ChannelEvent.DIGEST, key, text, data));
		}
		return sent;
	}
}
