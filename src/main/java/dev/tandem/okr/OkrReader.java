package dev.tandem.okr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads objectives with everything their views need — key results, contributions, guardrails —
 * in four statements whatever their number: each statement selects by the same scope (one
 * cycle, one objective, a page, every open cycle), so a cycle of five thousand objectives costs
 * what a cycle of five does.
 */
@Repository
class OkrReader {

	private final JdbcClient jdbc;

	OkrReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record ObjectiveRow(long id, long cycleId, long teamId, long ownerId, String owner, String title,
			String description, ObjectiveLevel level, Commitment commitment, ObjectiveState state, Long parentId,
			Long carriedFromId, String retrospective, Double finalScore, long version, Instant createdAt,
			Instant updatedAt) {
	}

	record KeyResultRow(long id, long objectiveId, String title, KeyResultType type, long ownerId, String owner,
			double weight, Double baseline, Double target, String unit, String kpiKey, Double lastValue, boolean done,
			Integer lastConfidence, Instant lastCheckInAt, int checkIns, Double finalValue, Double finalScore,
			long version, Instant createdAt, Instant updatedAt) {
	}

	/** Objectives (in the scope's order) and, by objective id, what belongs to them. */
	record Snapshot(List<ObjectiveRow> objectives, Map<Long, List<KeyResultRow>> keyResults,
			Map<Long, List<Long>> contributions, Map<Long, List<String>> guardrails) {

		List<KeyResultRow> keyResultsOf(long objectiveId) {
			return keyResults.getOrDefault(objectiveId, List.of());
		}
	}

	/** Which objectives to read: a condition on {@code o} (the objective table) and its parameters. */
	record Scope(String condition, Map<String, Object> params) {

		static Scope cycle(long cycleId) {
			return new Scope("o.cycle_id = :cycle", Map.of("cycle", cycleId));
		}

		static Scope objective(long objectiveId) {
			return new Scope("o.id = :id", Map.of("id", objectiveId));
		}

		static Scope openCycles() {
			return new Scope("o.cycle_id in (select c.id from okr_cycle c where c.closed_at is null)", Map.of());
		}

		static Scope activeWithGuardrails() {
			return new Scope("o.state = 'ACTIVE' and o.cycle_id in (select c.id from okr_cycle c where c.closed_at is null)"
					+ " and o.id in (select g.objective_id from objective_guardrail g)", Map.of());
		}

		static Scope linkedTo(String kpiKey) {
			return new Scope("o.cycle_id in (select c.id from okr_cycle c where c.closed_at is null)"
					+ " and o.id in (select l.objective_id from key_result l where l.kpi_key = :kpi)", Map.of("kpi", kpiKey));
		}

		static Scope linkedToAny() {
			return new Scope("o.cycle_id in (select c.id from okr_cycle c where c.closed_at is null)"
					+ " and o.id in (select l.objective_id from key_result l where l.kpi_key is not null)", Map.of());
		}

		/** Objectives of open cycles that the person owns or owns a key result of. */
		static Scope involving(String username) {
			return new Scope("o.cycle_id in (select c.id from okr_cycle c where c.closed_at is null)"
					+ " and (o.owner_name = :user or o.id in (select k.objective_id from key_result k where k.owner_name = :user))",
					Map.of("user", username));
		}

		/** A page of objectives by id, optionally of one cycle and one team. */
		static Scope page(Long cycleId, Long teamId, int limit, int offset) {
			var params = new HashMap<String, Object>();
			var filter = new StringBuilder("1 = 1");
			if (cycleId != null) {
				filter.append(" and p.cycle_id = :cycle");
				params.put("cycle", cycleId);
			}
			if (teamId != null) {
				filter.append(" and p.team_id = :team");
				params.put("team", teamId);
			}
			params.put("limit", limit);
			params.put("offset", offset);
			return new Scope("o.id in (select q.id from (select p.id from objective p where " + filter
					+ " order by p.id limit :limit offset :offset) q)", params);
		}
	}

	/** Objectives of the scope with everything that belongs to them, timestamps included. */
	Snapshot load(Scope scope) {
		return load(scope, true);
	}

	/**
	 * The same without the rows' timestamps (created, updated, last check-in), which a whole-cycle
	 * summary does not show: parsing them was a fifth of a large overview's time.
	 */
	Snapshot summary(Scope scope) {
		return load(scope, false);
	}

	// named columns read by position: looking each up by name was a sixth of a large overview's time
	private static final String OBJECTIVE_COLUMNS = "o.id, o.cycle_id, o.team_id, o.owner_id, o.owner_name, o.title,"
			+ " o.description, o.objective_level, o.commitment, o.state, o.parent_id, o.carried_from_id, o.retrospective,"
			+ " o.final_score, o.version, o.created_at, o.updated_at";

	private static final String KEY_RESULT_COLUMNS = "k.id, k.objective_id, k.title, k.kr_type, k.owner_id,"
			+ " k.owner_name, k.weight, k.baseline, k.target, k.unit, k.kpi_key, k.last_value, k.done, k.last_confidence,"
			+ " k.last_check_in_at, k.check_in_count, k.final_value, k.final_score, k.version, k.created_at, k.updated_at";

	private Snapshot load(Scope scope, boolean timestamps) {
		var objectives = statement("select " + OBJECTIVE_COLUMNS + " from objective o where " + scope.condition()
				+ " order by o.id", scope)
			.query((rs, n) -> objective(rs, timestamps))
			.list();
		if (objectives.isEmpty()) {
			return new Snapshot(List.of(), Map.of(), Map.of(), Map.of());
		}
		var keyResults = new LinkedHashMap<Long, List<KeyResultRow>>();
		statement("select " + KEY_RESULT_COLUMNS + " from key_result k join objective o on o.id = k.objective_id where "
				+ scope.condition()
				+ " order by k.objective_id, k.sort_order, k.id", scope)
			.query((rs, n) -> keyResult(rs, timestamps))
			.list()
			.forEach(k -> keyResults.computeIfAbsent(k.objectiveId(), id -> new ArrayList<>()).add(k));
		var contributions = new HashMap<Long, List<Long>>();
		statement("select x.objective_id, x.contributes_to_id from objective_contribution x join objective o"
				+ " on o.id = x.objective_id where " + scope.condition() + " order by x.objective_id, x.contributes_to_id",
				scope)
			.query(rs -> {
				contributions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
			});
		var guardrails = new HashMap<Long, List<String>>();
		statement("select g.objective_id, g.kpi_key from objective_guardrail g join objective o"
				+ " on o.id = g.objective_id where " + scope.condition() + " order by g.objective_id, g.kpi_key", scope)
			.query(rs -> {
				guardrails.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		return new Snapshot(objectives, keyResults, contributions, guardrails);
	}

	/** The objectives carried over from this one into later cycles. */
	/** Whether the KPI guards an active objective of an open cycle. */
	boolean guardsActive(String kpiKey) {
		return jdbc.sql("select count(*) " + ACTIVE_GUARDRAILS + " and g.kpi_key = :kpi")
			.param("kpi", kpiKey).query(Long.class).single() > 0;
	}

	/** The guardrails of active objectives of open cycles, as {@code from … where …} for a select to add to. */
	private static final String ACTIVE_GUARDRAILS = """
			from objective_guardrail g join objective o on o.id = g.objective_id
			join okr_cycle c on c.id = o.cycle_id
			where o.state = 'ACTIVE' and c.closed_at is null""";

	/** The keys of the KPIs that guard an active objective of an open cycle. */
	java.util.Set<String> activeGuardrailKpis() {
		return java.util.Set.copyOf(jdbc.sql("select distinct g.kpi_key " + ACTIVE_GUARDRAILS).query(String.class).list());
	}

	/** The titles of the objectives with these ids, by id; unknown ids are left out. */
	Map<Long, String> titles(java.util.Collection<Long> ids) {
		var titles = new HashMap<Long, String>();
		var all = List.copyOf(new java.util.HashSet<>(ids));
		for (int i = 0; i < all.size(); i += 1_000) {
			jdbc.sql("select id, title from objective where id in (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1_000)))
				.query(rs -> {
					titles.put(rs.getLong(1), rs.getString(2));
				});
		}
		return titles;
	}

	/** An objective's row as a picker names it; the team is the id, which {@link Objectives} turns into names. */
	record NameRow(long id, String title, long teamId, ObjectiveLevel level, long cycleId, String cycleName) {
	}

	/**
	 * At most {@code limit} objectives whose title contains the text (case-insensitive, taken
	 * literally: % and _ match themselves), those starting with it first, then by title. With a
	 * cycle, only the objectives an objective of that cycle may align to: those of the cycle and
	 * of the cycles enclosing it. {@code except} (an objective being edited) is left out.
	 */
	List<NameRow> search(String text, Long cycleId, Long except, int limit) {
		var literal = literal(text.strip().toLowerCase(java.util.Locale.ROOT));
		var sql = new StringBuilder("""
				select o.id, o.title, o.team_id, o.objective_level, o.cycle_id, c.name
				from objective o join okr_cycle c on c.id = o.cycle_id
				where lower(o.title) like :infix escape '!'""");
		var params = new HashMap<String, Object>();
		if (cycleId != null) {
			sql.append("""

					  and o.cycle_id in (select e.id from okr_cycle e join okr_cycle m on m.id = :cycle
					    where e.start_date <= m.start_date and e.end_date >= m.end_date)""");
			params.put("cycle", cycleId);
		}
		if (except != null) {
			sql.append(" and o.id <> :except");
			params.put("except", except);
		}
		sql.append("""

				order by case when lower(o.title) like :prefix escape '!' then 0 else 1 end, lower(o.title), o.id
				limit :limit""");
		params.put("infix", "%" + literal + "%");
		params.put("prefix", literal + "%");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> nameRow(rs)).list();
	}

	/** The objectives with these ids as a picker names them, by id; unknown ids are left out. */
	Map<Long, NameRow> names(java.util.Collection<Long> ids) {
		var names = new HashMap<Long, NameRow>();
		var all = List.copyOf(new java.util.HashSet<>(ids));
		for (int i = 0; i < all.size(); i += 1_000) {
			jdbc.sql("""
					select o.id, o.title, o.team_id, o.objective_level, o.cycle_id, c.name
					from objective o join okr_cycle c on c.id = o.cycle_id where o.id in (:ids)""")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1_000)))
				.query((rs, n) -> nameRow(rs))
				.list()
				.forEach(row -> names.put(row.id(), row));
		}
		return names;
	}

	private static NameRow nameRow(ResultSet rs) throws SQLException {
		return new NameRow(rs.getLong(1), rs.getString(2), rs.getLong(3), ObjectiveLevel.valueOf(rs.getString(4)),
				rs.getLong(5), rs.getString(6));
	}

	/** Text for a LIKE pattern with {@code escape '!'}: its %, _ and ! match themselves. */
	static String literal(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	List<Long> carriedInto(long objectiveId) {
		return jdbc.sql("select id from objective where carried_from_id = ? order by id")
			.param(objectiveId)
			.query(Long.class)
			.list();
	}

	/** How many objectives each cycle holds, by cycle id (a cycle without any is absent): one statement for them all. */
	Map<Long, Integer> objectiveCounts() {
		var counts = new HashMap<Long, Integer>();
		jdbc.sql("select cycle_id, count(*) from objective group by cycle_id")
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	/** Objectives that align to, contribute to, or were carried over from this one. */
	List<Long> dependants(long objectiveId) {
		return jdbc.sql("""
				select id from objective where parent_id = :id or carried_from_id = :id
				union
				select objective_id from objective_contribution where contributes_to_id = :id
				order by 1""")
			.param("id", objectiveId)
			.query(Long.class)
			.list();
	}

	/** The titles of these objectives, in the order of their ids: how a refusal names them. */
	List<String> titlesInIdOrder(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select title from objective where id in (:ids) order by id")
			.param("ids", ids)
			.query(String.class)
			.list();
	}

	KeyResultRow keyResult(long id) {
		return jdbc.sql("select " + KEY_RESULT_COLUMNS + " from key_result k where k.id = ?").param(id).query((rs, n) -> keyResult(rs, true)).optional()
			.orElse(null);
	}

	private JdbcClient.StatementSpec statement(String sql, Scope scope) {
		var statement = jdbc.sql(sql);
		for (var param : scope.params().entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		return statement;
	}

	private static ObjectiveRow objective(ResultSet rs, boolean timestamps) throws SQLException {
		return new ObjectiveRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
				rs.getString(6), rs.getString(7), ObjectiveLevel.valueOf(rs.getString(8)),
				Commitment.valueOf(rs.getString(9)), ObjectiveState.valueOf(rs.getString(10)), longOrNull(rs, 11),
				longOrNull(rs, 12), rs.getString(13), number(rs, 14), rs.getLong(15),
				timestamps ? instant(rs, 16) : null, timestamps ? instant(rs, 17) : null);
	}

	private static KeyResultRow keyResult(ResultSet rs, boolean timestamps) throws SQLException {
		int confidence = rs.getInt(14);
		Integer lastConfidence = rs.wasNull() ? null : confidence;
		return new KeyResultRow(rs.getLong(1), rs.getLong(2), rs.getString(3), KeyResultType.valueOf(rs.getString(4)),
				rs.getLong(5), rs.getString(6), rs.getDouble(7), number(rs, 8), number(rs, 9), rs.getString(10),
				rs.getString(11), number(rs, 12), rs.getBoolean(13), lastConfidence,
				timestamps ? instant(rs, 15) : null, rs.getInt(16), number(rs, 17), number(rs, 18), rs.getLong(19),
				timestamps ? instant(rs, 20) : null, timestamps ? instant(rs, 21) : null);
	}

	static Double number(ResultSet rs, String column) throws SQLException {
		return number(rs, rs.findColumn(column));
	}

	private static Double number(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static Long longOrNull(ResultSet rs, String column) throws SQLException {
		return longOrNull(rs, rs.findColumn(column));
	}

	private static Long longOrNull(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return instant(rs, rs.findColumn(column));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
