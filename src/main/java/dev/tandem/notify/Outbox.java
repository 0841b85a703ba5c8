package dev.tandem.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.notify.OutboxMessage.Status;

/**
 * The outbox table. Queuing joins the caller's transaction, so a message exists exactly when
 * what it tells of was committed; a second message with the same recipient and idempotency key
 * is dropped by the database (not by a read before the write, which two writers could both pass).
 * <p>
 * Delivery claims due rows first: a claim stamps them with a token and a lease, in a statement
 * of its own, so that two instances never hand one row to a sender at once. On PostgreSQL the
 * rows are picked with {@code FOR UPDATE SKIP LOCKED}; on H2 by the same conditional update,
 * which H2 re-checks on a row another claim updated first. A claim whose instance died runs out
 * with its lease and the row is claimed again: at least once, nothing lost on a restart.
 */
@Component
class Outbox {

	static final Duration LEASE = Duration.ofMinutes(5);

	private static final String COLUMNS = """
			id, message_id, recipient, idempotency_key, kind, event, person_id, channel_id, subject, body_text,
			body_html, payload, unsubscribable, status, attempts, next_attempt_at, last_error, created_at, delivered_at""";

	private final JdbcClient jdbc;
	private final boolean postgres;

	Outbox(JdbcClient jdbc, DataSource dataSource) throws Exception {
		this.jdbc = jdbc;
		this.postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
				metaData -> metaData.getDatabaseProductName()));
	}

	/** True when queued; false when this recipient already has a message with this key. */
	boolean queue(OutboxMessage.New message, Instant now) {
		return jdbc.sql("""
				insert into outbox_message (message_id, recipient, idempotency_key, kind, event, person_id, channel_id,
				  subject, body_text, body_html, payload, unsubscribable, status, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
				on conflict do nothing""")
			.params(UUID.randomUUID().toString(), message.recipient(), message.idempotencyKey(), message.kind().name(),
					message.event(), message.personId(), message.channelId(), message.subject(), message.text(),
					message.html(), message.payload(), message.unsubscribable(), utc(now), utc(now))
			.update() == 1;
	}

	/** Claims up to {@code limit} due rows for this caller alone, for {@link #LEASE}. */
	List<OutboxMessage> claim(Instant now, int limit) {
		var token = UUID.randomUUID().toString();
		var due = """
				status = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until <= :now)""";
		var sql = postgres ? """
				update outbox_message set claim_token = :token, claimed_until = :until
				 where id in (select id from outbox_message where %s
				              order by next_attempt_at, id limit :limit for update skip locked)""".formatted(due)
				: """
				update outbox_message set claim_token = :token, claimed_until = :until
				 where %s and id in (select id from outbox_message where %s order by next_attempt_at, id limit :limit)"""
					.formatted(due, due);
		int claimed = jdbc.sql(sql)
			.param("token", token)
			.param("until", utc(now.plus(LEASE)))
			.param("now", utc(now))
			.param("limit", limit)
			.update();
		if (claimed == 0) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from outbox_message where claim_token = ? order by next_attempt_at, id")
			.param(token)
			.query(Outbox::row)
			.list();
	}

	void delivered(OutboxMessage message, Instant now) {
		jdbc.sql("""
				update outbox_message set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, last_error = null,
				  claim_token = null, claimed_until = null
				 where id = ?""")
			.params(utc(now), message.id())
			.update();
	}

	/** A failed attempt: tried again at {@code retryAt}, or given up (FAILED) when that is null. */
	void failed(OutboxMessage message, String error, Instant retryAt) {
		jdbc.sql("""
				update outbox_message set status = ?, attempts = attempts + 1, last_error = ?,
				  next_attempt_at = coalesce(?, next_attempt_at), claim_token = null, claimed_until = null
				 where id = ?""")
			.params(retryAt == null ? Status.FAILED.name() : Status.PENDING.name(), truncate(error),
					retryAt == null ? null : utc(retryAt), message.id())
			.update();
	}

	/** The newest rows first, optionally only those of one status or one channel. */
	List<OutboxMessage> list(Status status, Long channelId, int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + " from outbox_message" + """
				
				 where (cast(:status as varchar(16)) is null or status = :status)
				   and (cast(:channel as bigint) is null or channel_id = :channel)
				 order by id desc limit :limit offset :offset""")
			.param("status", status == null ? null : status.name())
			.param("channel", channelId)
			.param("limit", limit)
			.param("offset", offset)
			.query(Outbox::row)
			.list();
	}

	private static String truncate(String error) {
		var text = error == null ? "unknown error" : error;
		return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
	}

	/** At the columns' precision, microseconds: a database rounds the nanoseconds, which may be later than the instant. */
	static OffsetDateTime utc(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OutboxMessage row(ResultSet rs, int n) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("recipient"),
				rs.getString("idempotency_key"), Kind.valueOf(rs.getString("kind")), rs.getString("event"),
				(Long) rs.getObject("person_id", Long.class), (Long) rs.getObject("channel_id", Long.class),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("payload"),
				rs.getBoolean("unsubscribable"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "delivered_at"));
	}
}
