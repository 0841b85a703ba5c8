package dev.tandem.review;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the cadence jobs handed over, by idempotency key: the same key is never handed over twice,
 * whatever the outbox behind {@link dev.tandem.notify.Notifications} does with it.
 */
@Repository
class CadenceMessages {

	private final JdbcClient jdbc;

	CadenceMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean handedOver(String key) {
		return jdbc.sql("select count(*) from cadence_message where idempotency_key = ?").param(key).query(Integer.class)
			.single() > 0;
	}

	/** Marks the key handed over (in the caller's transaction, with the message itself); false if it already was. */
	boolean claim(String key, String kind, String username, Instant at) {
		if (handedOver(key)) {
			return false;
		}
		jdbc.sql("insert into cadence_message (idempotency_key, kind, username, sent_at) values (?, ?, ?, ?)")
			.params(key, kind, username, ReviewStore.utc(at))
			.update();
		return true;
	}
}
