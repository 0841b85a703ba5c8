package dev.tandem.okr;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Check-ins are only ever added. Each one also updates its key result's summary of the latest
 * check-in, in one conditional statement, so that concurrent check-ins cannot lose each other
 * and a back-dated one does not pass for the latest.
 */
@Repository
class CheckInStore {

	private final JdbcClient jdbc;

	CheckInStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewCheckIn(long keyResultId, Instant at, Double value, ValueSource valueSource, Boolean done,
			int confidence, String changed, String learned, String blockers, String decision, Double baseline,
			Double target, String recordedBy, Instant recordedAt) {
	}

	long insert(NewCheckIn c) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into check_in (key_result_id, checked_at, num_value, value_source, done, confidence, what_changed,
				learned, blockers, decision, baseline_then, target_then, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.keyResultId(), OkrHistory.utc(c.at()), c.value(), c.valueSource() == null ? null : c.valueSource().name(),
					c.done(), c.confidence(), c.changed(), c.learned(), c.blockers(), c.decision(), c.baseline(),
					c.target(), c.recordedBy(), OkrHistory.utc(c.recordedAt()))
			.update(keys, "id");
		var id = keys.getKey();
		if (id == null) {
			throw new IllegalStateException("the database returned no id for the new check-in");
		}
		summarise(c);
		return id.longValue();
	}

	private void summarise(NewCheckIn c) {
		int latest = jdbc.sql("""
				update key_result set last_value = ?, done = coalesce(?, done), last_confidence = ?, last_check_in_at = ?,
				check_in_count = check_in_count + 1
				where id = ? and (last_check_in_at is null or last_check_in_at <= ?)""")
			.params(c.value(), c.done(), c.confidence(), OkrHistory.utc(c.at()), c.keyResultId(), OkrHistory.utc(c.at()))
			.update();
		if (latest == 0) {
			jdbc.sql("update key_result set check_in_count = check_in_count + 1 where id = ?").param(c.keyResultId())
				.update();
		}
	}

	java.util.List<CheckInView> of(long keyResultId, int limit, int offset) {
		return jdbc.sql("select * from check_in where key_result_id = ? order by checked_at desc, id desc limit ? offset ?")
			.params(keyResultId, limit, offset)
			.query((rs, n) -> view(rs))
			.list();
	}

	CheckInView one(long id) {
		return jdbc.sql("select * from check_in where id = ?").param(id).query((rs, n) -> view(rs)).single();
	}

	private static CheckInView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		var value = OkrReader.number(rs, "num_value");
		var baseline = OkrReader.number(rs, "baseline_then");
		var target = OkrReader.number(rs, "target_then");
		Double progress = value == null || baseline == null || target == null ? null
				: Scoring.round(Scoring.progress(baseline, target, value));
		var source = rs.getString("value_source");
		boolean done = rs.getBoolean("done");
		Boolean doneOrNull = rs.wasNull() ? null : done;
		return new CheckInView(rs.getLong("id"), rs.getLong("key_result_id"), OkrReader.instant(rs, "checked_at"), value,
				source == null ? null : ValueSource.valueOf(source), doneOrNull, rs.getInt("confidence"),
				rs.getString("what_changed"), rs.getString("learned"), rs.getString("blockers"), rs.getString("decision"),
				baseline, target, progress, rs.getString("recorded_by"), OkrReader.instant(rs, "recorded_at"));
	}
}
