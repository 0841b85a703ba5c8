package dev.tandem.notify;

import java.time.Instant;

/** One row of the outbox as the delivery reads it. */
record OutboxMessage(long id, String messageId, String recipient, String idempotencyKey, Kind kind, String event,
		Long personId, Long channelId, String subject, String text, String html, String payload, boolean unsubscribable,
		Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {

	enum Kind {
		EMAIL, SLACK, TEAMS, WEBHOOK
	}

	enum Status {
		PENDING, DELIVERED, FAILED
	}

	/** A message still to be queued: what {@link Outbox#queue} writes. */
	record New(String recipient, String idempotencyKey, Kind kind, String event, Long personId, Long channelId,
			String subject, String text, String html, String payload, boolean unsubscribable) {
	}
}
