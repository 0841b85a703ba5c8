package dev.tandem.notify;

import java.time.Instant;
import java.util.List;

import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.notify.OutboxMessage.Kind;

/** A channel as the API shows it: whether it has a secret, never the secret. */
record ChannelView(long id, String team, Kind kind, String url, List<ChannelEvent> events, boolean signed,
		Instant createdAt) {
}
