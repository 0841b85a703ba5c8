package dev.tandem.loop;

import static dev.tandem.loop.Rows.instant;
import static dev.tandem.loop.Rows.nullableDouble;
import static dev.tandem.loop.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.tandem.kpi.HealthStatus;

/** Guardrail alerts in SQL; open_objective_id keeps one open alert per objective and KPI. */
@Repository
class GuardrailAlertStore {

	private final JdbcClient jdbc;

	GuardrailAlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Alert(long id, long objectiveId, long kpiId, long teamId, HealthStatus status, HealthStatus worstStatus,
			Double value, Instant raisedAt, Instant updatedAt, Instant clearedAt, String clearedBecause) {

		boolean open() {
			return clearedAt == null;
		}
	}

	List<Alert> open() {
		return jdbc.sql("select * from guardrail_alert where open_objective_id is not null order by id")
			.query((rs, n) -> alert(rs))
			.list();
	}

	boolean anyOpenFor(long kpiId) {
		return jdbc.sql("select count(*) from guardrail_alert where open_objective_id is not null and kpi_id = ?")
			.param(kpiId).query(Long.class).single() > 0;
	}

	long count(boolean openOnly) {
		return jdbc.sql("select count(*) from guardrail_alert where (:openOnly = false or open_objective_id is not null)")
			.param("openOnly", openOnly).query(Long.class).single();
	}

	List<Alert> list(boolean openOnly, Long objectiveId, int limit, int offset) {
		return jdbc.sql("""
				select * from guardrail_alert
				where (:openOnly = false or open_objective_id is not null)
				  and (cast(:objective as bigint) is null or objective_id = :objective)
				order by raised_at desc, id desc limit :limit offset :offset""")
			.param("openOnly", openOnly)
			.param("objective", objectiveId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> alert(rs))
			.list();
	}

	/** Throws DuplicateKeyException when a concurrent evaluation raised it first. */
	void raise(long objectiveId, long kpiId, long teamId, HealthStatus status, Double value, Instant at) {
		jdbc.sql("""
				insert into guardrail_alert (objective_id, open_objective_id, kpi_id, team_id, status, worst_status, kpi_value,
				  raised_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(objectiveId, objectiveId, kpiId, teamId, status.name(), status.name(), value, utc(at), utc(at))
			.update();
	}

	void update(long id, HealthStatus status, HealthStatus worst, Double value, Instant at) {
		jdbc.sql("update guardrail_alert set status = ?, worst_status = ?, kpi_value = ?, updated_at = ? where id = ?")
			.params(status.name(), worst.name(), value, utc(at), id)
			.update();
	}

	void clear(long id, HealthStatus status, Double value, String because, Instant at) {
		jdbc.sql("""
				update guardrail_alert set open_objective_id = null, status = ?, kpi_value = ?, cleared_at = ?,
				  cleared_because = ?, updated_at = ?
				where id = ? and open_objective_id is not null""")
			.params(status.name(), value, utc(at), because, utc(at), id)
			.update();
	}

	private static Alert alert(ResultSet rs) throws SQLException {
		return new Alert(rs.getLong("id"), rs.getLong("objective_id"), rs.getLong("kpi_id"), rs.getLong("team_id"),
				HealthStatus.valueOf(rs.getString("status")), HealthStatus.valueOf(rs.getString("worst_status")),
				nullableDouble(rs, "kpi_value"), instant(rs, "raised_at"), instant(rs, "updated_at"),
				instant(rs, "cleared_at"), rs.getString("cleared_because"));
	}
}
