package dev.tandem.notify;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that signs unsubscribe links: made at the first start and kept in the database, so
 * that every instance, and every restart, accepts the links in mails already sent.
 */
@Component
class SigningKey {

	private final JdbcClient jdbc;
	private volatile String key;

	SigningKey(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String get() {
		var known = key;
		if (known == null) {
			var bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			jdbc.sql("insert into notify_key (name, key_value) values ('unsubscribe', ?) on conflict do nothing")
				.param(HexFormat.of().formatHex(bytes))
				.update();
			known = jdbc.sql("select key_value from notify_key where name = 'unsubscribe'").query(String.class).single();
			key = known;
		}
		return known;
	}
}
