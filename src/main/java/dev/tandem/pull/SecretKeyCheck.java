package dev.tandem.pull;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when connections are stored but no key is set: their secrets could not be
 * read, and every pull would fail at its first run instead of now, where an operator looks.
 */
@Component
class SecretKeyCheck {

	private final SecretBox secrets;
	private final ConnectionStore store;

	SecretKeyCheck(SecretBox secrets, ConnectionStore store) {
		this.secrets = secrets;
		this.store = store;
	}

	@EventListener(ApplicationStartedEvent.class)
	void check() {
		if (secrets.hasKey()) {
			return;
		}
		var stored = store.count();
		if (stored > 0) {
			throw new IllegalStateException(stored + " pull connection" + (stored == 1 ? " is" : "s are")
					+ " stored but no secret key is set, so their secrets cannot be read: " + SecretBox.HOW_TO
					+ " (the key they were stored with)");
		}
	}
}
