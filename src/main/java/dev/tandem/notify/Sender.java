package dev.tandem.notify;

/** Delivers one kind of outbox message; throws {@link DeliveryFailed} (or anything) when it could not. */
interface Sender {

	boolean sends(OutboxMessage.Kind kind);

	void send(OutboxMessage message) throws Exception;

	/** A failure to try again later, or with {@code permanent}, one that no retry can mend. */
	class DeliveryFailed extends Exception {

		private final boolean permanent;

		DeliveryFailed(String message, boolean permanent) {
			super(message);
			this.permanent = permanent;
		}

		boolean permanent() {
			return permanent;
		}
	}
}
