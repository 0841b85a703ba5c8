package dev.tandem.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox: claims a batch, hands each message to its sender, and
 * records the outcome. A failed attempt is tried again after {@code tandem.notify.retry-after},
 * doubled for each attempt before it (capped at six hours), until {@code tandem.notify.max-attempts}
 * attempts have failed: then the message is FAILED for an operator (the deliveries page).
 * Counted in {@code tandem.outbox.deliveries} and {@code tandem.outbox.failures}, tagged by kind.
 */
@Component
class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	private static final int BATCH = 50;
	private static final int MAX_BATCHES = 20;
	private static final Duration LONGEST_WAIT = Duration.ofHours(6);

	private final Outbox outbox;
	private final List<Sender> senders;
	private final MeterRegistry meters;
	private final int maxAttempts;
	private final Duration retryAfter;

	OutboxDelivery(Outbox outbox, List<Sender> senders, MeterRegistry meters,
			@Value("${tandem.notify.max-attempts}") int maxAttempts,
			@Value("${tandem.notify.retry-after}") Duration retryAfter) {
		if (maxAttempts < 1) {
			throw new IllegalStateException("tandem.notify.max-attempts must be at least 1, not " + maxAttempts);
		}
		this.outbox = outbox;
		this.senders = senders;
		this.meters = meters;
		this.maxAttempts = maxAttempts;
		this.retryAfter = retryAfter;
	}

	/** Sends every message due at {@code now}; returns how many were delivered. */
	int deliverDue(Instant now) {
		int delivered = 0;
		for (int round = 0; round < MAX_BATCHES; round++) {
			var batch = outbox.claim(now, BATCH);
			for (var message : batch) {
				if (deliver(message, now)) {
					delivered++;
				}
			}
			if (batch.size() < BATCH) {
				break;
			}
		}
		return delivered;
	}

	private boolean deliver(OutboxMessage message, Instant now) {
		var kind = message.kind().name();
		try {
			sender(message).send(message);
			outbox.delivered(message, now);
			Counter.builder("tandem.outbox.deliveries").description("Outbox messages delivered").tag("kind", kind)
				.register(meters).increment();
			return true;
		}
		catch (Exception e) {
			int attempts = message.attempts() + 1;
			boolean permanent = e instanceof Sender.DeliveryFailed failed && failed.permanent();
			boolean giveUp = permanent || attempts >= maxAttempts;
			var error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			outbox.failed(message, error, giveUp ? null : now.plus(wait(attempts)));
			Counter.builder("tandem.outbox.failures").description("Failed attempts to deliver an outbox message")
				.tag("kind", kind).tag("gave_up", String.valueOf(giveUp)).register(meters).increment();
			if (giveUp) {
				log.warn("Gave up delivering {} message {} after {} attempt(s): {}", kind, message.id(), attempts, error);
			}
			return false;
		}
	}

	/** The wait after the n-th failed attempt: retry-after, 2×, 4×, … at most six hours. */
	Duration wait(int failedAttempts) {
		var wait = retryAfter;
		for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private Sender sender(OutboxMessage message) {
		return senders.stream().filter(sender -> sender.sends(message.kind())).findFirst()
			.orElseThrow(() -> new IllegalStateException("no sender for " + message.kind()));
	}
}
