package dev.tandem.notify;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.org.AuditableChange;

/** Each person's notification preferences; the defaults for whoever never chose. */
@Component
class Preferences {

	static final NotificationPreferences DEFAULTS = new NotificationPreferences(DigestFrequency.WEEKLY, true,
			EnumSet.allOf(PersonalEvent.class));

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Preferences(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	NotificationPreferences of(long personId) {
		return find(personId).orElse(DEFAULTS);
	}

	private Optional<NotificationPreferences> find(long personId) {
		return jdbc.sql("select digest, email, events from notification_preference where person_id = ?")
			.param(personId)
			.query((rs, n) -> new NotificationPreferences(DigestFrequency.valueOf(rs.getString("digest")),
					rs.getBoolean("email"), events(rs.getString("events"))))
			.optional();
	}

	@Transactional
	NotificationPreferences save(long personId, String username, NotificationPreferences chosen) {
		var before = of(personId);
		var events = chosen.events().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
		int updated = jdbc.sql("update notification_preference set digest = ?, email = ?, events = ?, updated_at = ? where person_id = ?")
			.params(chosen.digest().name(), chosen.email(), events, Outbox.utc(clock.instant()), personId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into notification_preference (person_id, digest, email, events, updated_at) values (?, ?, ?, ?, ?)
					on conflict do nothing""")
				.params(personId, chosen.digest().name(), chosen.email(), events, Outbox.utc(clock.instant()))
				.update();
		}
		var after = of(personId);
		this.events.publishEvent(new AuditableChange("notification-preferences.updated", username,
				"Changed the notification preferences of " + username, before, after));
		return after;
	}

	private static Set<PersonalEvent> events(String names) {
		var set = EnumSet.noneOf(PersonalEvent.class);
		Arrays.stream(names.split(",")).filter(name -> !name.isBlank()).map(PersonalEvent::valueOf).forEach(set::add);
		return set;
	}
}
