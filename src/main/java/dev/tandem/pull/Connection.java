package dev.tandem.pull;

import java.time.Instant;
import java.util.Map;

/** A stored connection; {@code secret} is the encrypted text, never the secret itself. */
record Connection(long id, String name, ConnectionKind kind, String url, String username, String secret,
		Map<String, String> headers, String secretHeader, long version, Instant createdAt, Instant updatedAt) {

	ConnectionView view() {
		return new ConnectionView(id, name, kind, url, username, headers.isEmpty() ? null : headers, secretHeader,
				secret != null, version);
	}
}
