package dev.tandem.loop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.tandem.loop.ProposalView.SuggestedKeyResult;

import static dev.tandem.loop.Rows.instant;
import static dev.tandem.loop.Rows.nullableLong;
import static dev.tandem.loop.Rows.utc;

/** Proposals in SQL. Keys of other modules (KPI, team, person, objective) are kept as ids only. */
@Repository
class ProposalStore {

	private final JdbcClient jdbc;

	ProposalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored proposal, with the ids the view resolves to keys and names. */
	record Proposal(long id, long kpiId, ProposalReason reason, ProposalState state, long teamId, Long ownerId,
			Long cycleId, String objective, KpiSituation situation, boolean recoveredSince, Instant createdAt,
			Instant decidedAt, String decidedBy, String dismissReason, Long objectiveId) {
	}

	/** Inserts an OPEN proposal; the unique open_kpi_id refuses a second open one for the same KPI. */
	long insert(long kpiId, ProposalReason reason, long teamId, Long ownerId, Long cycleId, ProposalDraft draft,
			KpiSituation situation, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into proposal (kpi_id, open_kpi_id, reason, state, team_id, owner_id, cycle_id, suggested_objective,
				  situation_status, situation_value, situation_worsening, situation_distance, created_at)
				values (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kpiId, kpiId, reason.name(), teamId, ownerId, cycleId, draft.objective(), situation.status().name(),
					situation.value(), situation.worseningPeriods(), situation.distance(), utc(at))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		return id;
	}

	void insertKeyResult(long proposalId, int position, long kpiId, SuggestedKeyResult keyResult) {
		jdbc.sql("insert into proposal_key_result (proposal_id, position, kpi_id, title, baseline, target) values (?, ?, ?, ?, ?, ?)")
			.params(proposalId, position, kpiId, keyResult.title(), keyResult.baseline(), keyResult.target())
			.update();
	}

	boolean hasOpen(long kpiId) {
		return jdbc.sql("select count(*) from proposal where open_kpi_id = ?").param(kpiId).query(Long.class).single() > 0;
	}

	Optional<Proposal> lastDismissed(long kpiId) {
		return jdbc.sql("select * from proposal where kpi_id = ? and state = 'DISMISSED' order by decided_at desc, id desc limit 1")
			.param(kpiId)
			.query((rs, n) -> proposal(rs))
			.optional();
	}

	/** The KPI is healthy again: past dismissals no longer hold, and an open proposal is moot. */
	void recovered(long kpiId, Instant at) {
		jdbc.sql("update proposal set recovered_since = true where kpi_id = ? and state = 'DISMISSED'").param(kpiId).update();
		withdrawOpen(kpiId, at);
	}

	/**
	 * The KPI turned green but keeps worsening: dismissals made while it was red or amber count as
	 * recovered from, and an open proposal for it being red is moot; a WORSENING one stays.
	 */
	void recoveredFromUnhealthy(long kpiId, Instant at) {
		jdbc.sql("update proposal set recovered_since = true where kpi_id = ? and state = 'DISMISSED' and situation_status <> 'GREEN'")
			.param(kpiId)
			.update();
		jdbc.sql("update proposal set state = 'WITHDRAWN', open_kpi_id = null, decided_at = ?, decided_by = 'system' "
				+ "where open_kpi_id = ? and reason <> 'WORSENING'")
			.params(utc(at), kpiId)
			.update();
	}

	/**
	 * The KPI's open proposal is moot (it recovered, or an objective took it on): withdrawn, not
	 * dismissed, so that it does not hold back a later proposal. False when none was open.
	 */
	boolean withdrawOpen(long kpiId, Instant at) {
		return jdbc.sql("update proposal set state = 'WITHDRAWN', open_kpi_id = null, decided_at = ?, decided_by = 'system' where open_kpi_id = ?")
			.params(utc(at), kpiId)
			.update() > 0;
	}

	Optional<Proposal> find(long id) {
		return jdbc.sql("select * from proposal where id = ?").param(id).query((rs, n) -> proposal(rs)).optional();
	}

	List<Proposal> list(ProposalState state, int limit, int offset) {
		return jdbc.sql("select * from proposal where state = ? order by created_at desc, id desc limit ? offset ?")
			.params(state.name(), limit, offset)
			.query((rs, n) -> proposal(rs))
			.list();
	}

	/** The open proposals of these teams, newest first. */
	List<Proposal> openFor(java.util.Collection<Long> teamIds, int limit) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from proposal where state = 'OPEN' and team_id in (:teams)
				order by created_at desc, id desc limit :limit""")
			.param("teams", teamIds)
			.param("limit", limit)
			.query((rs, n) -> proposal(rs))
			.list();
	}

	long openBefore(long id) {
		return jdbc.sql("""
				select count(*) from proposal p, proposal this
				where this.id = ? and this.state = 'OPEN' and p.state = 'OPEN'
				  and (p.created_at > this.created_at or p.created_at = this.created_at and p.id > this.id)""")
			.param(id).query(Long.class).single();
	}

	long count(ProposalState state) {
		return jdbc.sql("select count(*) from proposal where state = ?").param(state.name()).query(Long.class).single();
	}

	/** One KPI's proposals, newest first. */
	List<Proposal> listFor(long kpiId, int limit) {
		return jdbc.sql("select * from proposal where kpi_id = ? order by created_at desc, id desc limit ?")
			.params(kpiId, limit)
			.query((rs, n) -> proposal(rs))
			.list();
	}

	/** The accepted proposal that drafted this objective. */
	Optional<Proposal> acceptedInto(long objectiveId) {
		return jdbc.sql("select * from proposal where objective_id = ? and state = 'ACCEPTED' order by id limit 1")
			.param(objectiveId)
			.query((rs, n) -> proposal(rs))
			.optional();
	}

	record StoredKeyResult(long proposalId, long kpiId, String title, Double baseline, double target) {
	}

	List<StoredKeyResult> keyResults(List<Long> proposalIds) {
		if (proposalIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from proposal_key_result where proposal_id in (:ids) order by proposal_id, position")
			.param("ids", proposalIds)
			.query((rs, n) -> {
				return new StoredKeyResult(rs.getLong("proposal_id"), rs.getLong("kpi_id"), rs.getString("title"),
						Rows.nullableDouble(rs, "baseline"), rs.getDouble("target"));
			})
			.list();
	}

	/** Decides an OPEN proposal; false when it was no longer open (someone else decided first). */
	boolean dismiss(long id, String reason, String by, Instant at) {
		return jdbc.sql("""
				update proposal set state = 'DISMISSED', open_kpi_id = null, dismiss_reason = ?, decided_by = ?, decided_at = ?
				where id = ? and state = 'OPEN'""")
			.params(reason, by, utc(at), id)
			.update() == 1;
	}

	boolean accept(long id, long objectiveId, String by, Instant at) {
		return jdbc.sql("""
				update proposal set state = 'ACCEPTED', open_kpi_id = null, objective_id = ?, decided_by = ?, decided_at = ?
				where id = ? and state = 'OPEN'""")
			.params(objectiveId, by, utc(at), id)
			.update() == 1;
	}

	private static Proposal proposal(ResultSet rs) throws SQLException {
		Double situationValue = Rows.nullableDouble(rs, "situation_value");
		var situation = new KpiSituation(dev.tandem.kpi.HealthStatus.valueOf(rs.getString("situation_status")),
				situationValue, rs.getInt("situation_worsening"), rs.getDouble("situation_distance"));
		return new Proposal(rs.getLong("id"), rs.getLong("kpi_id"), ProposalReason.valueOf(rs.getString("reason")),
				ProposalState.valueOf(rs.getString("state")), rs.getLong("team_id"), nullableLong(rs, "owner_id"),
				nullableLong(rs, "cycle_id"), rs.getString("suggested_objective"), situation,
				rs.getBoolean("recovered_since"), instant(rs, "created_at"), instant(rs, "decided_at"),
				rs.getString("decided_by"), rs.getString("dismiss_reason"), nullableLong(rs, "objective_id"));
	}
}
