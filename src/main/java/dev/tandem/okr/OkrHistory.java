package dev.tandem.okr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.tandem.org.Actor;

/**
 * Every change of an objective or a key result, one row per changed field with who, when, from
 * and to, so that mid-cycle edits of goals stay visible in reviews. A key result's changes carry
 * its objective's id too, so the objective's history tells the whole story.
 */
@Repository
class OkrHistory {

	private final JdbcClient jdbc;

	OkrHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long objectiveId, Long keyResultId, Instant at, String field, String from, String to) {
		jdbc.sql("""
				insert into okr_change (objective_id, key_result_id, changed_at, changed_by, field, old_value, new_value)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(objectiveId, keyResultId, utc(at), Actor.current(), field, cut(from), cut(to))
			.update();
	}

	/** One row per field whose text differs between the two maps (same keys, in the order given). */
	void changes(long objectiveId, Long keyResultId, Map<String, String> before, Map<String, String> after, Instant at) {
		for (var field : after.keySet()) {
			if (!Objects.equals(before.get(field), after.get(field))) {
				record(objectiveId, keyResultId, at, field, before.get(field), after.get(field));
			}
		}
	}

	List<OkrChange> ofObjective(long objectiveId) {
		return jdbc.sql("select * from okr_change where objective_id = ? order by changed_at, id")
			.param(objectiveId)
			.query((rs, n) -> change(rs))
			.list();
	}

	List<OkrChange> ofKeyResult(long keyResultId) {
		return jdbc.sql("select * from okr_change where key_result_id = ? order by changed_at, id")
			.param(keyResultId)
			.query((rs, n) -> change(rs))
			.list();
	}

	private static OkrChange change(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new OkrChange(OkrReader.instant(rs, "changed_at"), rs.getString("changed_by"),
				OkrReader.longOrNull(rs, "key_result_id"), rs.getString("field"), rs.getString("old_value"),
				rs.getString("new_value"));
	}

	/** Numbers as people write them: 7 rather than 7.0, 0.1 rather than 0.1000000000000000055. */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Double d) {
			return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String text) {
		return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
	}
}
