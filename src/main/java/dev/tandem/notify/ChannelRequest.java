package dev.tandem.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.problem.InvalidInputException;

/** {@code POST /api/channels}: kinds and events as text, so that an unknown one gets a message naming the known ones. */
record ChannelRequest(String team, @NotBlank String kind, @NotBlank @Size(max = 2000) String url,
		@NotEmpty List<String> events, @Size(max = 200) String secret) {

	static Kind kind(String name) {
		return switch (name) {
			case "SLACK" -> Kind.SLACK;
			case "TEAMS" -> Kind.TEAMS;
			case "WEBHOOK" -> Kind.WEBHOOK;
			default -> throw new InvalidInputException("kind", "Unknown kind '" + name + "': give SLACK, TEAMS or WEBHOOK.");
		};
	}

	static Set<ChannelEvent> events(List<String> names) {
		var events = EnumSet.noneOf(ChannelEvent.class);
		for (var name : names) {
			var event = Arrays.stream(ChannelEvent.values()).filter(known -> known.name().equals(name)).findFirst()
				.orElseThrow(() -> new InvalidInputException("events", "Unknown event '" + name + "': give any of "
						+ Arrays.toString(ChannelEvent.values()) + "."));
			events.add(event);
		}
		return events;
	}
}
