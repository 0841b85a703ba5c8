package dev.tandem.security;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that is unknown, revoked, expired, or whose owner may no longer sign in. */
class InvalidApiTokenException extends AuthenticationException {

	InvalidApiTokenException() {
		super("The API token is unknown, revoked or expired.");
	}
}
