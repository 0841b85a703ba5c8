package dev.tandem.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import dev.tandem.org.AuditableChange;

/**
 * Counts failed password sign-ins per username and per client address, and locks one that
 * fails too often. Held in memory: a restart forgets it, which errs on the side of letting
 * people in; several instances each count their own share.
 */
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	/** Beyond this many tracked names, stale entries are dropped: guessing random names must not fill the heap. */
	private static final int PRUNE_ABOVE = 10_000;

	private final SignInPolicy policy;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Map<String, Failures> byKey = new HashMap<>();

	SignInThrottle(SignInPolicy policy, Clock clock, ApplicationEventPublisher events) {
		this.policy = policy;
		this.clock = clock;
		this.events = events;
	}

	/** Throws when either the username or the address is locked now. */
	synchronized void check(String username, String address) {
		var now = clock.instant();
		var user = byKey.get(userKey(username));
		if (user != null && user.lockedAt(now)) {
			throw new SignInLockedException("this account", Duration.between(now, user.lockedUntil));
		}
		var client = address == null ? null : byKey.get(addressKey(address));
		if (client != null && client.lockedAt(now)) {
			throw new SignInLockedException("Tandem from your address", Duration.between(now, client.lockedUntil));
		}
	}

	void failed(String username, String address) {
		var now = clock.instant();
		boolean userLocked;
		boolean addressLocked;
		synchronized (this) {
			userLocked = count(userKey(username), policy.maxFailures(), now);
			addressLocked = address != null && count(addressKey(address), policy.maxFailuresPerAddress(), now);
			if (byKey.size() > PRUNE_ABOVE) {
				byKey.values().removeIf(failures -> failures.stale(now, policy.window()));
			}
		}
		// recorded outside the lock: writing the audit row must not hold up other sign-ins
		if (userLocked) {
			log.warn("Password sign-in for username '{}' locked for {} after {} failures, the last from {}.",
					printable(username), policy.window(), policy.maxFailures(), address);
			events.publishEvent(new AuditableChange("sign-in.locked", printable(username), "Locked password sign-in for "
					+ policy.window().toMinutes() + " minutes after " + policy.maxFailures() + " failures, the last from " + address,
					null, null));
		}
		if (addressLocked) {
			log.warn("Password sign-in from address {} locked for {} after {} failures.", address, policy.window(),
					policy.maxFailuresPerAddress());
			events.publishEvent(new AuditableChange("sign-in.locked", address, "Locked password sign-in from this address for "
					+ policy.window().toMinutes() + " minutes after " + policy.maxFailuresPerAddress() + " failures", null, null));
		}
	}

	synchronized void succeeded(String username) {
		byKey.remove(userKey(username));
	}

	/** Records a failure; true when this one locks the key. */
	private boolean count(String key, int limit, Instant now) {
		if (limit <= 0) {
			return false;
		}
		var failures = byKey.computeIfAbsent(key, ignored -> new Failures());
		failures.times.addLast(now);
		while (!failures.times.isEmpty() && failures.times.peekFirst().isBefore(now.minus(policy.window()))) {
			failures.times.removeFirst();
		}
		if (failures.times.size() < limit) {
			return false;
		}
		failures.times.clear();
		failures.lockedUntil = now.plus(policy.window());
		return true;
	}

	private static String userKey(String username) {
		return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	/** A username as typed may be anything; logs and the audit trail get a short, single-line form. */
	private static String printable(String username) {
		var clean = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
	}

	private static final class Failures {

		private final Deque<Instant> times = new ArrayDeque<>();
		private Instant lockedUntil = Instant.MIN;

		boolean lockedAt(Instant now) {
			return now.isBefore(lockedUntil);
		}

		boolean stale(Instant now, Duration window) {
			return !lockedAt(now) && (times.isEmpty() || times.peekLast().isBefore(now.minus(window)));
		}
	}
}
