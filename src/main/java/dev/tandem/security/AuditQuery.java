package dev.tandem.security;

/** Which part of the audit trail to read: newest first, optionally one actor's or one kind's. */
record AuditQuery(String actor, String type, int limit, int offset) {
}
