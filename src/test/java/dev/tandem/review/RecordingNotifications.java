package dev.tandem.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tandem.notify.Notifications;

/** Keeps every message handed over, without dropping repeated keys, so that a test sees a second send. */
class RecordingNotifications implements Notifications {

	final List<Email> emails = new CopyOnWriteArrayList<>();
	final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();
	final Map<String, NotificationPreferences> preferences = new ConcurrentHashMap<>();

	@Override
	public boolean email(Email email) {
		emails.add(email);
		return true;
	}

	@Override
	public int toChannels(ChannelMessage message) {
		messages.add(message);
		return 1;
	}

	@Override
	public NotificationPreferences preferencesOf(String username) {
		return preferences.getOrDefault(username,
				new NotificationPreferences(DigestFrequency.WEEKLY, true, EnumSet.allOf(PersonalEvent.class)));
	}

	List<Email> to(String username) {
		return emails.stream().filter(email -> email.username().equals(username)).toList();
	}

	List<Email> to(String username, String keyPrefix) {
		return to(username).stream().filter(email -> email.idempotencyKey().startsWith(keyPrefix)).toList();
	}
}
