package dev.tandem.notify;

import org.springframework.stereotype.Service;

import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.org.Organisation;
import dev.tandem.problem.NotFoundException;

/** Sets a person's notification preferences on their behalf: for the demo organisation and imports, which act as the system. */
@Service
public class NotificationSettings {

	private final Organisation organisation;
	private final Preferences preferences;

	NotificationSettings(Organisation organisation, Preferences preferences) {
		this.organisation = organisation;
		this.preferences = preferences;
	}

	public NotificationPreferences choose(String username, NotificationPreferences chosen) {
		var person = organisation.findPerson(username).orElseThrow(() -> new NotFoundException("person", username));
		return preferences.save(person.id(), person.username(), chosen);
	}
}
