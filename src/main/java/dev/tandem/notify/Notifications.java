package dev.tandem.notify;

import java.util.Map;
import java.util.Set;

/**
 * What the other modules hand to this one: a message to a person or to a team's channels.
 * Queuing is part of the caller's transaction (the outbox is a table), so a message is sent
 * if and only if what it tells of was committed; a second message with the same idempotency key
 * is dropped, which is what makes a digest or reminder job safe to run again.
 */
public interface Notifications {

	/** Queues an e-mail to a person; false when the key was queued before or the person has no e-mail address or has e-mail off. */
	boolean email(Email email);

	/** Queues a message to every channel of the team (null: organisation-wide channels) subscribed to the event; returns how many. */
	int toChannels(ChannelMessage message);

	/** A person's preferences, the defaults when they never chose. */
	NotificationPreferences preferencesOf(String username);

	/**
	 * An e-mail. {@code html} is a complete, self-contained document (no external images or
	 * scripts); user texts in it must already be escaped. With {@code unsubscribable} the mail
	 * carries the signed one-click unsubscribe link and RFC 8058 headers.
	 */
	record Email(String username, String idempotencyKey, String subject, String text, String html,
			boolean unsubscribable) {
	}

	/** A chat message: {@code text} is plain (escaped for each chat's markup on delivery), {@code data} the webhook payload. */
	record ChannelMessage(Long teamId, ChannelEvent event, String idempotencyKey, String text,
			Map<String, Object> data) {
	}

	enum ChannelEvent {
		KPI_HEALTH_CHANGED, PROPOSAL_CREATED, PROPOSAL_DECIDED, GRADUATION_PROPOSED, GUARDRAIL_ALERT,
		CHECK_IN_RECORDED, CYCLE_CLOSED, DIGEST
	}

	enum DigestFrequency {
		WEEKLY, DAILY, OFF
	}

	enum PersonalEvent {
		KPI_RED, GUARDRAIL_ALERT, PROPOSAL, CHECK_IN_DUE, DECISION_DUE
	}

	record NotificationPreferences(DigestFrequency digest, boolean email, Set<PersonalEvent> events) {
	}
}
