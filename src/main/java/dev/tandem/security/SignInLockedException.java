package dev.tandem.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused without looking at the password, because of recent failures. */
class SignInLockedException extends LockedException {

	private final transient Duration retryAfter;

	SignInLockedException(String what, Duration retryAfter) {
		super("Too many failed sign-ins: signing in to " + what + " is locked; try again in " + minutes(retryAfter) + ".");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}

	private static String minutes(Duration duration) {
		long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}
}
