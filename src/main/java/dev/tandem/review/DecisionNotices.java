package dev.tandem.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.notify.Notifications;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.org.Organisation;

/** The real-time DECISION_DUE notice: once, on the day a review decision falls due (or the first run after). */
@Service
class DecisionNotices {

	private final ReviewStore store;
	private final Organisation organisation;
	private final Notifications notifications;
	private final CadenceMessages messages;
	private final CadenceSettings settings;
	private final Clock clock;
	private final ZoneId zone;

	DecisionNotices(ReviewStore store, Organisation organisation, Notifications notifications, CadenceMessages messages,
			CadenceSettings settings, Clock clock, ZoneId zone) {
		this.store = store;
		this.organisation = organisation;
		this.notifications = notifications;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	int sendDue() {
		var now = clock.instant();
		var today = LocalDate.now(clock.withZone(zone));
		int sent = 0;
		var due = store.openDecisionsDueBy(today);
		var usernames = organisation.usernames(due.stream().map(ReviewStore.StoredDecision::ownerId).distinct().toList());
		for (var d : due) {
			var username = usernames.get(d.ownerId());
			var key = "decision-due:" + d.id();
			if (username == null || messages.handedOver(key)
					|| !notifications.preferencesOf(username).events().contains(PersonalEvent.DECISION_DUE)) {
				continue;
			}
			messages.claim(key, "DECISION_DUE", username, now);
			var link = settings.link("/reviews/" + d.reviewId());
			var subject = (d.due().isBefore(today) ? "Overdue: " : "Due today: ") + d.action();
			var text = "A decision of a KPI review is yours and due " + d.due() + ":\n\n" + d.action() + "\n\n" + link + "\n";
			var html = DigestHtml.document(subject, "<p>A decision of a KPI review is yours and due " + d.due() + ":</p><p><strong>"
					+ DigestHtml.escape(d.action()) + "</strong></p>" + DigestHtml.button(link, "Open the review"));
			if (notifications.email(new Notifications.Email(username, key, subject, text, html, true))) {
				sent++;
			}
		}
		return sent;
	}
}
