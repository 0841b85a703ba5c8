package dev.tandem.notify;

import org.springframework.stereotype.Component;

import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.problem.ForbiddenException;

/** The signed-in person's own preferences, and the one-click unsubscribe that needs no sign-in. */
@Component
class PersonalSettings {

	private final Organisation organisation;
	private final Preferences preferences;
	private final UnsubscribeLinks links;

	PersonalSettings(Organisation organisation, Preferences preferences, UnsubscribeLinks links) {
		this.organisation = organisation;
		this.preferences = preferences;
		this.links = links;
	}

	NotificationPreferences mine() {
		return preferences.of(me().id());
	}

	NotificationPreferences choose(NotificationPreferences chosen) {
		var me = me();
		return preferences.save(me.id(), me.username(), chosen);
	}

	/** The person a genuine unsubscribe token names, if they still exist. */
	java.util.Optional<PersonView> holder(String token) {
		return links.username(token).flatMap(organisation::findPerson);
	}

	/** Turns e-mail off for the token's person; false for a token that is not genuine. */
	boolean unsubscribe(String token) {
		var person = holder(token).orElse(null);
		if (person == null) {
			return false;
		}
		var now = preferences.of(person.id());
		if (now.email()) {
			preferences.save(person.id(), person.username(),
					new NotificationPreferences(now.digest(), false, now.events()));
		}
		return true;
	}

	private PersonView me() {
		return organisation.signedIn()
			.orElseThrow(() -> new ForbiddenException("Only a person signed in has notification preferences."));
	}
}
