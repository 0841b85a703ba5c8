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

	/** A cycle's check-ins, newest first, with the titles of their key results and objectives. */
	java.util.List<CycleCheckIn> ofCycle(long cycleId, int limit, int offset) {
		return jdbc.sql("""
				select c.*, kr.title as kr_title, o.id as objective_id, o.title as objective_title
				from check_in c join key_result kr on kr.id = c.key_result_id join objective o on o.id = kr.objective_id
				where o.cycle_id = ? order by c.checked_at desc, c.id desc limit ? offset ?""")
			.params(cycleId, limit, offset)
			.query((rs, n) -> new CycleCheckIn(view(rs), rs.getLong("objective_id"), rs.getString("objective_title"),
					rs.getString("kr_title")))
			.list();
	}

	/** The latest check-in of each key result of a cycle that has one, by key result id. */
	java.util.Map<Long, CheckInView> latestOfCycle(long cycleId) {
		var latest = new java.util.HashMap<Long, CheckInView>();
		jdbc.sql("""
				select c.* from check_in c join key_result kr on kr.id = c.key_result_id join objective o on o.id = kr.objective_id
				where o.cycle_id = ? and not exists (select 1 from check_in later where later.key_result_id = c.key_result_id
				    and (later.checked_at > c.checked_at or (later.checked_at = c.checked_at and later.id > c.id)))""")
			.param(cycleId)
			.query((rs, n) -> view(rs))
			.list()
			.forEach(c -> latest.put(c.keyResultId(), c));
		return latest;
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
