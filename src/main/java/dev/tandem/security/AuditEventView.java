package dev.tandem.security;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One entry of the audit trail as the API shows it; {@code before} and {@code after} are the JSON stored. */
record AuditEventView(long id, Instant at, String actor, String type, String subject, String summary,
		JsonNode before, JsonNode after) {
}
