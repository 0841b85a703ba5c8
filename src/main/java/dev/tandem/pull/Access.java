package dev.tandem.pull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A connection with its secret in the clear, for the moment of one pull or test; never logged. */
record Access(Connection connection, String secret) {

	/** The text with the secret (and its basic-auth form) blanked out: what a failure's message may say. */
	String scrub(String text) {
		if (text == null || secret == null || secret.isEmpty()) {
			return text;
		}
		var scrubbed = text.replace(secret, "***");
		if (connection.username() != null) {
			var basic = Base64.getEncoder()
				.encodeToString((connection.username() + ":" + secret).getBytes(StandardCharsets.UTF_8));
			scrubbed = scrubbed.replace(basic, "***");
		}
		return scrubbed;
	}

	@Override
	public String toString() {
		return "Access[" + connection.name() + "]";
	}
}
