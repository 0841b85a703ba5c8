package dev.tandem.org;

/**
 * A change worth keeping in the audit trail: any module publishes one (with Spring's
 * {@code ApplicationEventPublisher}) inside the transaction that makes the change, and the
 * audit trail writes it in that same transaction — so the record exists exactly when the
 * change does.
 *
 * @param type what happened, as {@code subject-kind.verb}: {@code team.created}, {@code kpi.updated}
 * @param subject the key or id of the thing changed, as the API names it
 * @param summary one line for a person reading the trail
 * @param before the thing as it was (a view record, serialised to JSON), or null when created
 * @param after the thing as it is now, or null when deleted; never a password or a secret
 * @param actor who did it: the signed-in person's username, or {@link Actor#SYSTEM}
 */
public record AuditableChange(String type, String subject, String summary, Object before, Object after,
		String actor) {

	/** A change by whoever is acting now. */
	public AuditableChange(String type, String subject, String summary, Object before, Object after) {
		this(type, subject, summary, before, after, Actor.current());
	}
}
