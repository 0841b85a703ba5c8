package dev.tandem.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.AuditableChange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: writes every {@link AuditableChange} any module publishes, and reads the
 * trail back for administrators. The listener is a plain synchronous one on purpose: it runs
 * in the publisher's transaction, so the row commits — or rolls back — with the change itself.
 */
@Service
class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	/** The column's size; larger snapshots are cut, and then kept as a JSON string rather than broken JSON. */
	private static final int MAX_STATE = 100_000;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void record(AuditableChange change) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor, event_type, subject, summary, before_state, after_state)
				values (:at, :actor, :type, :subject, :summary, :before, :after)""")
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("actor", cut(change.actor(), 64))
			.param("type", cut(change.type(), 64))
			.param("subject", cut(change.subject(), 200))
			.param("summary", cut(change.summary() == null ? change.type() : change.summary(), 1000))
			.param("before", state(change.before()))
			.param("after", state(change.after()))
			.update();
	}

	List<AuditEventView> events(AuditQuery query) {
		var params = new LinkedHashMap<String, Object>();
		var sql = select(query, params) + " limit :limit offset :offset";
		params.put("limit", query.limit());
		params.put("offset", query.offset());
		return jdbc.sql(sql).params(params).query(this::view).list();
	}

	/**
	 * Every entry the query's actor and type select, newest first, handed to {@code each} as a
	 * cursor reads them (its limit and offset do not apply): an export, never the whole trail in memory.
	 */
	@Transactional(readOnly = true)
	long each(AuditQuery query, Consumer<ExportedEvent> each) {
		var params = new LinkedHashMap<String, Object>();
		var count = new long[1];
		try (var rows = jdbc.sql(select(query, params)).withFetchSize(1000).params(params)
			.query((rs, n) -> new ExportedEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("event_type"), rs.getString("subject"), rs.getString("summary"),
					rs.getString("before_state"), rs.getString("after_state")))
			.stream()) {
			rows.forEach(event -> {
				each.accept(event);
				count[0]++;
			});
		}
		return count[0];
	}

	/** An entry as an export writes it: the stored JSON as text. */
	record ExportedEvent(long id, Instant at, String actor, String type, String subject, String summary, String before,
			String after) {
	}

	private static String select(AuditQuery query, Map<String, Object> params) {
		var where = new ArrayList<String>();
		if (query.actor() != null && !query.actor().isBlank()) {
			where.add("actor = :actor");
			params.put("actor", query.actor().strip());
		}
		if (query.type() != null && !query.type().isBlank()) {
			// "kpi" finds kpi.created, kpi.updated, ...; "kpi.updated" finds only that
			where.add("(event_type = :type or event_type like :typePrefix)");
			params.put("type", query.type().strip());
			params.put("typePrefix", query.type().strip().replace("\\", "").replace("%", "").replace("_", "\\_") + ".%");
		}
		return "select id, occurred_at, actor, event_type, subject, summary, before_state, after_state from audit_event"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by occurred_at desc, id desc";
	}

	private AuditEventView view(ResultSet rs, int row) throws SQLException {
		return new AuditEventView(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("event_type"), rs.getString("subject"), rs.getString("summary"),
				tree(rs.getString("before_state")), tree(rs.getString("after_state")));
	}

	private String state(Object value) {
		if (value == null) {
			return null;
		}
		String text;
		try {
			text = json.writeValueAsString(value);
		}
		catch (JacksonException e) {
			log.warn("Could not write a {} to the audit trail as JSON; kept its type only.", value.getClass().getName());
			text = json.writeValueAsString(value.getClass().getSimpleName());
		}
		return text.length() <= MAX_STATE ? text : json.writeValueAsString(text.substring(0, MAX_STATE - 1000) + "…");
	}

	private JsonNode tree(String stored) {
		return stored == null ? null : json.readTree(stored);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
