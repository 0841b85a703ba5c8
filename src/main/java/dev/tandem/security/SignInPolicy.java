package dev.tandem.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When password sign-in locks: after {@code maxFailures} failed attempts for one username
 * within {@code window}, that username is locked for {@code window}; after
 * {@code maxFailuresPerAddress} failures from one client address (password spraying across
 * usernames), that address is. 0 switches a limit off.
 */
@ConfigurationProperties("tandem.security.sign-in")
record SignInPolicy(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("50") int maxFailuresPerAddress) {
}
