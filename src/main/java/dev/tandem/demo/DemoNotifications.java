package dev.tandem.demo;

import java.util.EnumSet;

import dev.tandem.notify.NotificationSettings;
import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.notify.Notifications.PersonalEvent;

/**
 * The demo people's notification preferences, varied so that the settings page shows each
 * choice: the administrator wants everything daily, editors the notices of their work, a
 * member and the viewer less. Without an SMTP server the demo's e-mails are only logged.
 */
final class DemoNotifications {

	private DemoNotifications() {
	}

	static void choose(NotificationSettings settings) {
		settings.choose("maria", new NotificationPreferences(DigestFrequency.DAILY, true, EnumSet.allOf(PersonalEvent.class)));
		for (var editor : new String[] { "sam", "priya", "diego", "emma", "hana", "luca" }) {
			settings.choose(editor, new NotificationPreferences(DigestFrequency.WEEKLY, true,
					EnumSet.of(PersonalEvent.KPI_RED, PersonalEvent.GUARDRAIL_ALERT, PersonalEvent.PROPOSAL,
							PersonalEvent.CHECK_IN_DUE, PersonalEvent.DECISION_DUE)));
		}
		settings.choose("lee", new NotificationPreferences(DigestFrequency.WEEKLY, true,
				EnumSet.of(PersonalEvent.CHECK_IN_DUE, PersonalEvent.DECISION_DUE)));
		settings.choose("olivia", new NotificationPreferences(DigestFrequency.OFF, false, EnumSet.noneOf(PersonalEvent.class)));
	}
}
