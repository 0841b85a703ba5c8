package dev.tandem.notify;

import java.time.Clock;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;

/** {@link Notifications} through the outbox: every message is a row written in the caller's transaction. */
@Service
class OutboxNotifications implements Notifications {

	private final Outbox outbox;
	private final Channels channels;
	private final Preferences preferences;
	private final Organisation organisation;
	private final JsonMapper json;
	private final Clock clock;

	OutboxNotifications(Outbox outbox, Channels channels, Preferences preferences, Organisation organisation,
			JsonMapper json, Clock clock) {
		this.outbox = outbox;
		this.channels = channels;
		this.preferences = preferences;
		this.organisation = organisation;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public boolean email(Email email) {
		return email(email, "EMAIL");
	}

	/** As {@link #email(Email)}, the row saying which event it tells of. */
	boolean email(Email email, String event) {
		var person = organisation.findPerson(email.username()).filter(PersonView::active).orElse(null);
		if (person == null || person.email() == null || person.email().isBlank() || !preferences.of(person.id()).email()) {
			return false;
		}
		return outbox.queue(new OutboxMessage.New("person:" + person.id(), email.idempotencyKey(), Kind.EMAIL, event,
				person.id(), null, email.subject(), email.text(), email.html(), null, email.unsubscribable()),
				clock.instant());
	}

	@Override
	public int toChannels(ChannelMessage message) {
		var payload = json.writeValueAsString(message.data() == null ? java.util.Map.of() : message.data());
		int queued = 0;
		for (var channel : channels.subscribed(message.teamId(), message.event())) {
			if (outbox.queue(new OutboxMessage.New("channel:" + channel.id(), message.idempotencyKey(), channel.kind(),
					message.event().name(), null, channel.id(), null, message.text(), null, payload, false),
					clock.instant())) {
				queued++;
			}
		}
		return queued;
	}

	@Override
	public NotificationPreferences preferencesOf(String username) {
		return organisation.findPerson(username).map(person -> preferences.of(person.id())).orElse(Preferences.DEFAULTS);
	}
}
