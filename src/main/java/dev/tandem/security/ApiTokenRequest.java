package dev.tandem.security;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A token to create: a name that says where it is used, and when it stops working (never, if absent). */
record ApiTokenRequest(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
}
