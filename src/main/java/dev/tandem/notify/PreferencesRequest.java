package dev.tandem.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.problem.InvalidInputException;

/** {@code PUT /api/me/notifications}. */
record PreferencesRequest(@NotBlank String digest, @NotNull Boolean email, @NotNull List<String> events) {

	NotificationPreferences preferences() {
		var frequency = Arrays.stream(DigestFrequency.values()).filter(known -> known.name().equals(digest)).findFirst()
			.orElseThrow(() -> new InvalidInputException("digest", "Unknown digest '" + digest + "': give WEEKLY, DAILY or OFF."));
		var chosen = EnumSet.noneOf(PersonalEvent.class);
		for (var name : events) {
			chosen.add(Arrays.stream(PersonalEvent.values()).filter(known -> known.name().equals(name)).findFirst()
				.orElseThrow(() -> new InvalidInputException("events", "Unknown event '" + name + "': give any of "
						+ Arrays.toString(PersonalEvent.values()) + ".")));
		}
		return new NotificationPreferences(frequency, email, chosen);
	}
}
