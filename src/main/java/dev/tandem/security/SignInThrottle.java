package dev.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.org.AuditableChange;

/**
 * Counts failed password sign-ins per username and per client address, and locks one that
 * fails too often. Kept in the database, so that its limits hold across instances: a failure on
 * one counts towards a lock on all, and a lock taken on one refuses the sign-in on every other.
 * Each statement commits on its own (no surrounding transaction): a failure is counted even when
 * the sign-in's other work fails, and taking a lock is one conditional statement, so that of two
 * instances reaching the limit at the same moment exactly one locks, and audits it.
 */
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	/** A username as typed may be megabytes: keys beyond this are stored as a digest. */
	private static final int LONGEST_KEY = 200;

	private final SignInPolicy policy;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;

	SignInThrottle(SignInPolicy policy, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc) {
		this.policy = policy;
		this.clock = clock;
		this.events = events;
		this.jdbc = jdbc;
	}

	/** Throws when either the username or the address is locked now. */
	void check(String username, String address) {
		var now = clock.instant();
		var user = userKey(username);
		var client = address == null ? user : addressKey(address);
		var lockedUntil = new HashMap<String, Instant>();
		jdbc.sql("select throttle_key, locked_until from sign_in_lock where throttle_key in (?, ?) and locked_until > ?")
			.params(user, client, at(now))
			.query(row -> {
				lockedUntil.put(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant());
			});
		if (lockedUntil.containsKey(user)) {
			throw new SignInLockedException("this account", Duration.between(now, lockedUntil.get(user)));
		}
		if (lockedUntil.containsKey(client)) {
			throw new SignInLockedException("Tandem from your address", Duration.between(now, lockedUntil.get(client)));
		}
	}

	void failed(String username, String address) {
		var now = clock.instant();
		if (count(userKey(username), policy.maxFailures(), now)) {
			log.warn("Password sign-in for username '{}' locked for {} after {} failures, the last from {}.",
					printable(username), policy.window(), policy.maxFailures(), address);
			events.publishEvent(new AuditableChange("sign-in.locked", printable(username), "Locked password sign-in for "
					+ policy.window().toMinutes() + " minutes after " + policy.maxFailures() + " failures, the last from " + address,
					null, null));
		}
		if (address != null && count(addressKey(address), policy.maxFailuresPerAddress(), now)) {
			log.warn("Password sign-in from address {} locked for {} after {} failures.", address, policy.window(),
					policy.maxFailuresPerAddress());
			events.publishEvent(new AuditableChange("sign-in.locked", address, "Locked password sign-in from this address for "
					+ policy.window().toMinutes() + " minutes after " + policy.maxFailuresPerAddress() + " failures", null, null));
		}
	}

	void succeeded(String username) {
		jdbc.sql("delete from sign_in_failure where throttle_key = ?").param(userKey(username)).update();
	}

	/** Drops what can no longer lock anything: failures older than the window, locks that ended. */
	int forgetExpired() {
		var now = clock.instant();
		return jdbc.sql("delete from sign_in_failure where failed_at <= ?").param(at(now.minus(policy.window()))).update()
				+ jdbc.sql("delete from sign_in_lock where locked_until <= ?").param(at(now)).update();
	}

	/** Records a failure; true when this one, on this instance, locked the key. */
	private boolean count(String key, int limit, Instant now) {
		if (limit <= 0) {
			return false;
		}
		jdbc.sql("insert into sign_in_failure (throttle_key, failed_at) values (?, ?)").params(key, at(now)).update();
		long recent = jdbc.sql("select count(*) from sign_in_failure where throttle_key = ? and failed_at > ?")
			.params(key, at(now.minus(policy.window())))
			.query(Long.class)
			.single();
		if (recent < limit || !lock(key, now.plus(policy.window()), now)) {
			return false;
		}
		// a fresh count once the lock ends
		jdbc.sql("delete from sign_in_failure where throttle_key = ? and failed_at <= ?").params(key, at(now)).update();
		return true;
	}

	/** Takes the key's lock unless it is held already; true when this call took it. */
	private boolean lock(String key, Instant until, Instant now) {
		if (jdbc.sql("update sign_in_lock set locked_until = ? where throttle_key = ? and locked_until <= ?")
			.params(at(until), key, at(now))
			.update() == 1) {
			return true;
		}
		try {
			return jdbc.sql("insert into sign_in_lock (throttle_key, locked_until) values (?, ?)").params(key, at(until)).update() == 1;
		}
		catch (DuplicateKeyException heldAlready) {
			return false; // still locked, or another instance locked it a moment ago
		}
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String userKey(String username) {
		return bounded("user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)));
	}

	private static String addressKey(String address) {
		return bounded("address:" + address);
	}

	private static String bounded(String key) {
		if (key.length() <= LONGEST_KEY) {
			return key;
		}
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return key.substring(0, key.indexOf(':') + 1) + "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every Java platform has SHA-256", impossible);
		}
	}

	/** A username as typed may be anything; logs and the audit trail get a short, single-line form. */
	private static String printable(String username) {
		var clean = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
	}
}
