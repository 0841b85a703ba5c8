package dev.tandem.pull;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A connection as the API and the audit trail show it: whether it has a secret, never the secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionView(long id, String name, ConnectionKind kind, String url, String username,
		Map<String, String> headers, String secretHeader, boolean hasSecret, long version) {
}
