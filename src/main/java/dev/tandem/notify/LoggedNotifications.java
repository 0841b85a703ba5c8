package dev.tandem.notify;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A placeholder until the outbox lands: logs what it would queue, never the body. */
@Service
class LoggedNotifications implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(LoggedNotifications.class);

	@Override
	public boolean email(Email email) {
		log.info("Would e-mail {}: {} ({})", email.username(), email.subject(), email.idempotencyKey());
		return true;
	}

	@Override
	public int toChannels(ChannelMessage message) {
		log.info("Would post {} to team {}'s channels ({})", message.event(), message.teamId(), message.idempotencyKey());
		return 0;
	}

	@Override
	public NotificationPreferences preferencesOf(String username) {
		return new NotificationPreferences(DigestFrequency.WEEKLY, true, EnumSet.allOf(PersonalEvent.class));
	}
}
