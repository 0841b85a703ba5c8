package dev.tandem.review;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import dev.tandem.notify.Notifications;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.Objectives;

/**
 * The weekly check-in reminder: once this week's reminder day and hour have come, each owner of
 * key results in active objectives of running cycles that have had no check-in since Monday gets
 * one e-mail for all of them, keyed by person and week, so that the job may run as often as it
 * likes. A closed or ended cycle, a draft objective, a key result checked in this week: none.
 */
@Service
public class CheckInReminders {

	private static final int PAGE = 500;

	private final Cycles cycles;
	private final Objectives objectives;
	private final Notifications notifications;
	private final CadenceMessages messages;
	private final CadenceSettings settings;
	private final Clock clock;
	private final ZoneId zone;

	CheckInReminders(Cycles cycles, Objectives objectives, Notifications notifications, CadenceMessages messages,
			CadenceSettings settings, Clock clock, ZoneId zone) {
		this.cycles = cycles;
		this.objectives = objectives;
		this.notifications = notifications;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	/** How many reminders this run handed over, and how many people it passed over (reminded already, or opted out). */
	public record Sent(int sent, int skipped) {
	}

	record Due(String keyResult, String objective) {
	}

	/** Sends this week's reminders if their day and hour have come; nothing before. */
	@Transactional
	public Sent sendDue() {
		var now = clock.instant();
		if (!Weeks.reached(now, zone, settings.reminderDay(), settings.reminderHour())) {
			return new Sent(0, 0);
		}
		var week = Weeks.isoWeek(now.atZone(zone).toLocalDate());
		int sent = 0;
		int skipped = 0;
		for (var entry : dueThisWeek(Weeks.weekStart(now, zone)).entrySet()) {
			var username = entry.getKey();
			var key = "check-in-reminder:" + username + ":" + week;
			if (messages.handedOver(key)
					|| !notifications.preferencesOf(username).events().contains(PersonalEvent.CHECK_IN_DUE)) {
				skipped++;
				continue;
			}
			messages.claim(key, "CHECK_IN_REMINDER", username, now);
			if (notifications.email(email(username, key, entry.getValue()))) {
				sent++;
			}
			else {
				skipped++;
			}
		}
		return new Sent(sent, skipped);
	}

	/** Per owner, the key results without a check-in since the week began. */
	Map<String, List<Due>> dueThisWeek(Instant weekStart) {
		var due = new TreeMap<String, List<Due>>();
		for (var cycle : cycles.list()) {
			if (cycle.status() != CycleStatus.ACTIVE || cycle.ended()) {
				continue;
			}
			for (int offset = 0;; offset += PAGE) {
				var page = objectives.list(cycle.id(), null, PAGE, offset);
				for (var objective : page) {
					if (objective.state() != ObjectiveState.ACTIVE || objective.frozen()) {
						continue;
					}
					for (var kr : objective.keyResults()) {
						if (kr.owner() != null && (kr.lastCheckInAt() == null || kr.lastCheckInAt().isBefore(weekStart))) {
							due.computeIfAbsent(kr.owner(), o -> new ArrayList<>()).add(new Due(kr.title(), objective.title()));
						}
					}
				}
				if (page.size() < PAGE) {
					break;
				}
			}
		}
		return due;
	}

	private Notifications.Email email(String username, String key, List<Due> due) {
		var link = settings.link("/check-in");
		var subject = due.size() == 1 ? "Check-in due: " + due.get(0).keyResult() : "Check-ins due: " + due.size() + " key results";
		var text = new StringBuilder("These key results of yours have no check-in this week:\n\n");
		var items = new StringBuilder();
		for (var d : due) {
			text.append("- ").append(d.keyResult()).append(" (").append(d.objective()).append(")\n");
			items.append("<li>").append(HtmlUtils.htmlEscape(d.keyResult())).append(" <span style=\"color:#555\">(")
				.append(HtmlUtils.htmlEscape(d.objective())).append(")</span></li>");
		}
		text.append("\nCheck in: ").append(link).append('\n');
		var html = DigestHtml.document(subject, "<p>These key results of yours have no check-in this week:</p><ul>" + items
				+ "</ul>" + DigestHtml.button(link, "Check in now"));
		return new Notifications.Email(username, key, subject, text.toString(), html, true);
	}
}
