package dev.tandem.loop;

import static dev.tandem.loop.Rows.instant;
import static dev.tandem.loop.Rows.nullableBoolean;
import static dev.tandem.loop.Rows.nullableDouble;
import static dev.tandem.loop.Rows.nullableLong;
import static dev.tandem.loop.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Graduations in SQL; the unique key_result_id makes "one per key result" hold under concurrency. */
@Repository
class GraduationStore {

	private final JdbcClient jdbc;

	GraduationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Graduation(long id, long keyResultId, long objectiveId, long cycleId, long teamId, Long ownerId, Long kpiId,
			String title, String unit, boolean decrease, Double from, double to, GraduationState state,
			Instant createdAt, Instant decidedAt, String decidedBy, String dismissReason, Boolean raised,
			String createdKpi, Long supersededBy, String supersededReason) {
	}

	boolean exists(long keyResultId) {
		return jdbc.sql("select count(*) from graduation where key_result_id = ?").param(keyResultId)
			.query(Long.class).single() > 0;
	}

	/** Throws DuplicateKeyException when the key result already has one. */
	void insert(Graduation g) {
		jdbc.sql("""
				insert into graduation (key_result_id, objective_id, cycle_id, team_id, owner_id, kpi_id, title, unit,
				  decrease, from_value, to_value, state, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(g.keyResultId(), g.objectiveId(), g.cycleId(), g.teamId(), g.ownerId(), g.kpiId(), g.title(),
					g.unit(), g.decrease(), g.from(), g.to(), utc(g.createdAt()))
			.update();
	}

	Optional<Graduation> find(long id) {
		return jdbc.sql("select * from graduation where id = ?").param(id).query((rs, n) -> graduation(rs)).optional();
	}

	List<Graduation> list(GraduationState state, int limit, int offset) {
		return jdbc.sql("select * from graduation where state = ? order by created_at desc, id desc limit ? offset ?")
			.params(state.name(), limit, offset)
			.query((rs, n) -> graduation(rs))
			.list();
	}

	/** The open graduations of these teams, newest first. */
	List<Graduation> openFor(java.util.Collection<Long> teamIds) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from graduation where state = 'OPEN' and team_id in (:teams) order by created_at desc, id desc")
			.param("teams", teamIds)
			.query((rs, n) -> graduation(rs))
			.list();
	}

	/** The open graduations of one KPI, oldest first: one decision. */
	List<Graduation> openFor(long kpiId) {
		return jdbc.sql("select * from graduation where kpi_id = ? and state = 'OPEN' order by created_at, id")
			.param(kpiId)
			.query((rs, n) -> graduation(rs))
			.list();
	}

	/**
	 * Locks the open graduations of one KPI, in id order, until the transaction ends: two decisions
	 * on one KPI at once take turns instead of settling each other (or deadlocking).
	 */
	void lockOpen(long kpiId) {
		jdbc.sql("select id from graduation where kpi_id = ? and state = 'OPEN' order by id for update")
			.param(kpiId)
			.query(Long.class)
			.list();
	}

	/** Settles an OPEN graduation because another of its KPI was accepted; false when it was no longer open. */
	boolean supersede(long id, long by, String reason, String decidedBy, Instant at) {
		return jdbc.sql("""
				update graduation set state = 'SUPERSEDED', superseded_by = ?, superseded_reason = ?, decided_by = ?,
				  decided_at = ?
				where id = ? and state = 'OPEN'""")
			.params(by, reason, decidedBy, utc(at), id)
			.update() == 1;
	}

	boolean accept(long id, boolean raised, String createdKpi, String by, Instant at) {
		return jdbc.sql("""
				update graduation set state = 'ACCEPTED', raised = ?, created_kpi = ?, decided_by = ?, decided_at = ?
				where id = ? and state = 'OPEN'""")
			.params(raised, createdKpi, by, utc(at), id)
			.update() == 1;
	}

	boolean dismiss(long id, String reason, String by, Instant at) {
		return jdbc.sql("""
				update graduation set state = 'DISMISSED', dismiss_reason = ?, decided_by = ?, decided_at = ?
				where id = ? and state = 'OPEN'""")
			.params(reason, by, utc(at), id)
			.update() == 1;
	}

	private static Graduation graduation(ResultSet rs) throws SQLException {
		return new Graduation(rs.getLong("id"), rs.getLong("key_result_id"), rs.getLong("objective_id"),
				rs.getLong("cycle_id"), rs.getLong("team_id"), nullableLong(rs, "owner_id"), nullableLong(rs, "kpi_id"),
				rs.getString("title"), rs.getString("unit"), rs.getBoolean("decrease"), nullableDouble(rs, "from_value"),
				rs.getDouble("to_value"), GraduationState.valueOf(rs.getString("state")), instant(rs, "created_at"),
				instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("dismiss_reason"),
				nullableBoolean(rs, "raised"), rs.getString("created_kpi"), nullableLong(rs, "superseded_by"),
				rs.getString("superseded_reason"));
	}
}
