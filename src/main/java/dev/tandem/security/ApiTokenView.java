package dev.tandem.security;

import java.time.Instant;

/** A token as its owner sees it later: everything but the secret, which is not kept. */
record ApiTokenView(long id, String name, String owner, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
