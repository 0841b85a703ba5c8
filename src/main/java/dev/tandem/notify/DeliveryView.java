package dev.tandem.notify;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tandem.notify.OutboxMessage.Status;

/** One delivery of the outbox: {@code id} is the delivery's id, the one a webhook receives; {@code at} when delivered, else when queued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryView(String id, String event, Status status, int attempts, String lastError, Instant at) {

	static DeliveryView of(OutboxMessage message) {
		return new DeliveryView(message.messageId(), message.event(), message.status(), message.attempts(),
				message.lastError(), message.deliveredAt() != null ? message.deliveredAt() : message.createdAt());
	}
}
