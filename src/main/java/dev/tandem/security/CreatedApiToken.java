package dev.tandem.security;

import java.time.Instant;

/** The answer to creating a token: the only time its secret is ever shown. */
record CreatedApiToken(long id, String token, String name, Instant expiresAt) {
}
