package dev.tandem.notify;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The signed one-click unsubscribe links: they name the person and need no sign-in. */
@Component
class UnsubscribeLinks {

	private final SigningKey key;
	private final String baseUrl;

	UnsubscribeLinks(SigningKey key, @Value("${tandem.notify.base-url}") String baseUrl) {
		this.key = key;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String link(String username) {
		return baseUrl + "/unsubscribe/" + Signatures.unsubscribeToken(key.get(), username);
	}

	Optional<String> username(String token) {
		return Signatures.verifyUnsubscribe(key.get(), token);
	}
}
