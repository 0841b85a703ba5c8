package dev.tandem.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads many KPI definitions at once in three statements (definitions, drivers, seasonal
 * thresholds), where loading them one aggregate at a time would cost three per KPI.
 */
@Repository
class KpiReader {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KpiReader.class);

	/** Keys per statement: well below any database's limit on parameters. */
	private static final int CHUNK = 1_000;

	private final JdbcClient jdbc;

	KpiReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Kpi> all(Long teamId) {
		var drivers = new HashMap<Long, Set<Kpi.Driver>>();
		jdbc.sql("select kpi_id, driver_id from kpi_driver").query(rs -> {
			drivers.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(new Kpi.Driver(rs.getLong(2)));
		});
		var seasonal = new HashMap<Long, Set<PeriodThreshold>>();
		jdbc.sql("select * from kpi_threshold").query(rs -> {
			seasonal.computeIfAbsent(rs.getLong("kpi_id"), id -> new HashSet<>())
				.add(new PeriodThreshold(rs.getObject("valid_from", LocalDate.class), thresholds(rs)));
		});
		var sql = "select * from kpi" + (teamId == null ? "" : " where team_id = :team") + " order by slug";
		var statement = jdbc.sql(sql);
		if (teamId != null) {
			statement = statement.param("team", teamId);
		}
		return statement.query((rs, n) -> kpi(rs, drivers, seasonal)).list();
	}

	/**
	 * Every KPI (or a team's) with its state, for judging health and nothing else, reading only
	 * what {@link HealthRules} uses. The definitions carry their id, key, frequency, aggregation,
	 * shape and thresholds (seasonal ones too); their other fields are null. Definitions and
	 * states are read apart: sorting the join by key would sort every state's recent periods
	 * too, which spills to disk at ten thousand KPIs.
	 */
	List<Map.Entry<Kpi, KpiState>> forHealth(Long teamId) {
		long t0 = System.nanoTime();
		var seasonal = seasonal();
		long t1 = System.nanoTime();
		var states = states(teamId);
		long t2 = System.nanoTime();
		var sql = """
				select id, slug, frequency, aggregation, shape, direction, target, warning, lower_bound, upper_bound,
				  tolerance, baseline, baseline_date, target_date
				from kpi""" + (teamId == null ? "" : " where team_id = :team") + " order by slug";
		var statement = jdbc.sql(sql);
		if (teamId != null) {
			statement = statement.param("team", teamId);
		}
		var all = statement.query((rs, n) -> {
			long id = rs.getLong("id");
			var kpi = new Kpi(id, rs.getString("slug"), null, null, null, null, null, null, null, null, null, null,
					Frequency.valueOf(rs.getString("frequency")), Aggregation.valueOf(rs.getString("aggregation")), null,
					null, Shape.valueOf(rs.getString("shape")), thresholds(rs), Set.of(), seasonal.getOrDefault(id, Set.of()),
					null, null, null);
			var state = states.get(id);
			return Map.entry(kpi, state == null ? KpiState.empty(id) : state);
		}).list();
		if (log.isDebugEnabled()) {
			log.debug("Read for health: seasonal thresholds {} ms, states {} ms, definitions {} ms", (t1 - t0) / 1_000_000,
					(t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
		}
		return all;
	}

	private Map<Long, Set<PeriodThreshold>> seasonal() {
		var seasonal = new HashMap<Long, Set<PeriodThreshold>>();
		jdbc.sql("select * from kpi_threshold").query(rs -> {
			seasonal.computeIfAbsent(rs.getLong("kpi_id"), id -> new HashSet<>())
				.add(new PeriodThreshold(rs.getObject("valid_from", LocalDate.class), thresholds(rs)));
		});
		return seasonal;
	}

	private Map<Long, KpiState> states(Long teamId) {
		return states(teamId == null ? null : List.of(teamId));
	}

	/** The states of these teams' KPIs (null: every KPI's). */
	private Map<Long, KpiState> states(Collection<Long> teamIds) {
		var states = new HashMap<Long, KpiState>();
		var stateSql = """
				select s.kpi_id, s.last_at, s.last_value, s.point_count, s.recent_periods, s.status, s.improving_objective,
				  s.pull_failing_since, s.pull_failure from kpi_state s"""
				+ (teamIds == null ? "" : " join kpi k on k.id = s.kpi_id where k.team_id in (:teams)");
		var stateStatement = jdbc.sql(stateSql);
		if (teamIds != null) {
			stateStatement = stateStatement.param("teams", teamIds);
		}
		stateStatement.query(rs -> {
			var state = MeasurementStore.state(rs);
			states.put(state.kpiId(), state);
		});
		return states;
	}

	/** A KPI read for weighing its health: as {@link #forHealth}, plus its name, team, unit, category and indicator, and its driver counts. */
	record Standing(Kpi kpi, KpiState state, int drivers, int drives) {
	}

	/**
	 * The KPIs of these teams (null: every team's) with what judging their health and weighing it
	 * needs, in four statements (seasonal thresholds, states, driver links, definitions) whatever
	 * the number of KPIs: no owner, no drivers' keys, no description or formula.
	 */
	List<Standing> forStanding(Collection<Long> teamIds) {
		if (teamIds != null && teamIds.isEmpty()) {
			return List.of();
		}
		var seasonal = seasonal();
		var states = states(teamIds);
		var drivers = new HashMap<Long, Integer>();
		var drives = new HashMap<Long, Integer>();
		jdbc.sql("select kpi_id, driver_id from kpi_driver").query(rs -> {
			drivers.merge(rs.getLong(1), 1, Integer::sum);
			drives.merge(rs.getLong(2), 1, Integer::sum);
		});
		var definitions = jdbc.sql("""
				select id, slug, name, team_id, unit, category, indicator, frequency, aggregation, shape, direction, target,
				  warning, lower_bound, upper_bound, tolerance, baseline, baseline_date, target_date
				from kpi""" + (teamIds == null ? "" : " where team_id in (:teams)") + " order by slug");
		if (teamIds != null) {
			definitions = definitions.param("teams", teamIds);
		}
		return definitions.query((rs, n) -> {
			long id = rs.getLong("id");
			var kpi = new Kpi(id, rs.getString("slug"), rs.getString("name"), null, rs.getLong("team_id"), null,
					Unit.valueOf(rs.getString("unit")), null, null, null, null, null,
					Frequency.valueOf(rs.getString("frequency")), Aggregation.valueOf(rs.getString("aggregation")),
					rs.getString("category"), Indicator.valueOf(rs.getString("indicator")),
					Shape.valueOf(rs.getString("shape")), thresholds(rs), Set.of(), seasonal.getOrDefault(id, Set.of()),
					null, null, null);
			var state = states.get(id);
			return new Standing(kpi, state == null ? KpiState.empty(id) : state, drivers.getOrDefault(id, 0),
					drives.getOrDefault(id, 0));
		}).list();
	}

	long count() {
		return jdbc.sql("select count(*) from kpi").query(Long.class).single();
	}

	/** The KPIs with these keys, by key, in three statements per thousand keys; unknown keys are left out. */
	Map<String, Kpi> byKeys(Collection<String> keys) {
		var byKey = new HashMap<String, Kpi>();
		var all = List.copyOf(keys);
		for (int i = 0; i < all.size(); i += CHUNK) {
			var chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
			var drivers = new HashMap<Long, Set<Kpi.Driver>>();
			jdbc.sql("select d.kpi_id, d.driver_id from kpi_driver d join kpi k on k.id = d.kpi_id where k.slug in (:keys)")
				.param("keys", chunk)
				.query(rs -> {
					drivers.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(new Kpi.Driver(rs.getLong(2)));
				});
			var seasonal = new HashMap<Long, Set<PeriodThreshold>>();
			jdbc.sql("select t.* from kpi_threshold t join kpi k on k.id = t.kpi_id where k.slug in (:keys)")
				.param("keys", chunk)
				.query(rs -> {
					seasonal.computeIfAbsent(rs.getLong("kpi_id"), id -> new HashSet<>())
						.add(new PeriodThreshold(rs.getObject("valid_from", LocalDate.class), thresholds(rs)));
				});
			jdbc.sql("select * from kpi where slug in (:keys)")
				.param("keys", chunk)
				.query((rs, n) -> kpi(rs, drivers, seasonal))
				.list()
				.forEach(kpi -> byKey.put(kpi.key(), kpi));
		}
		return byKey;
	}

	/** The keys and names of the KPIs with these ids, by id; unknown ids are left out. */
	Map<Long, KpiName> names(Collection<Long> ids) {
		var names = new HashMap<Long, KpiName>();
		var all = List.copyOf(new HashSet<>(ids));
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.sql("select id, slug, name from kpi where id in (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.query(rs -> {
					names.put(rs.getLong(1), new KpiName(rs.getLong(1), rs.getString(2), rs.getString(3)));
				});
		}
		return names;
	}

	/**
	 * At most {@code limit} KPIs whose key or name contains the text (case-insensitive, the
	 * text taken literally: % and _ match themselves), those starting with it first, then by name.
	 */
	List<KpiName> search(String text, int limit) {
		var literal = literal(text.strip().toLowerCase(java.util.Locale.ROOT));
		return jdbc.sql("""
				select id, slug, name from kpi
				where lower(slug) like :infix escape '!' or lower(name) like :infix escape '!'
				order by case when lower(slug) like :prefix escape '!' or lower(name) like :prefix escape '!' then 0 else 1 end,
				  lower(name), slug
				limit :limit""")
			.param("infix", "%" + literal + "%")
			.param("prefix", literal + "%")
			.param("limit", limit)
			.query((rs, n) -> new KpiName(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The ids and names of the KPIs with these keys, by key; unknown keys are left out. */
	Map<String, KpiName> namesByKey(Collection<String> keys) {
		var names = new HashMap<String, KpiName>();
		var all = List.copyOf(new HashSet<>(keys));
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.sql("select id, slug, name from kpi where slug in (:keys)")
				.param("keys", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.query(rs -> {
					names.put(rs.getString(2), new KpiName(rs.getLong(1), rs.getString(2), rs.getString(3)));
				});
		}
		return names;
	}

	/** The KPIs this KPI drives (those that name it a driver), by key. */
	List<KpiName> drivenBy(String key) {
		return jdbc.sql("""
				select k.id, k.slug, k.name from kpi_driver d join kpi k on k.id = d.kpi_id join kpi driver on driver.id = d.driver_id
				where driver.slug = :key order by k.slug""")
			.param("key", key)
			.query((rs, n) -> new KpiName(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The keys of the KPIs a person owns. */
	List<String> keysOwnedBy(long personId) {
		return jdbc.sql("select slug from kpi where owner_id = :owner order by slug").param("owner", personId)
			.query(String.class).list();
	}

	/** For each of these KPIs that drives others, how many KPIs it drives. */
	Map<String, Integer> drives(Collection<String> keys) {
		var drives = new HashMap<String, Integer>();
		var all = List.copyOf(new HashSet<>(keys));
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.sql("""
					select k.slug, count(*) from kpi_driver d join kpi k on k.id = d.driver_id
					where k.slug in (:keys) group by k.slug""")
				.param("keys", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.query(rs -> {
					drives.put(rs.getString(1), rs.getInt(2));
				});
		}
		return drives;
	}

	/** The keys of the KPIs with these ids, by id, in one statement per thousand ids. */
	Map<Long, String> keysById(Collection<Long> ids) {
		var keys = new HashMap<Long, String>();
		names(ids).forEach((id, name) -> keys.put(id, name.key()));
		return keys;
	}

	Map<Long, String> keysById() {
		var keys = new HashMap<Long, String>();
		jdbc.sql("select id, slug from kpi").query(rs -> {
			keys.put(rs.getLong(1), rs.getString(2));
		});
		return keys;
	}

	private static Kpi kpi(ResultSet rs, Map<Long, Set<Kpi.Driver>> drivers, Map<Long, Set<PeriodThreshold>> seasonal)
			throws SQLException {
		long id = rs.getLong("id");
		long owner = rs.getLong("owner_id");
		Long ownerId = rs.wasNull() ? null : owner;
		return new Kpi(id, rs.getString("slug"), rs.getString("name"), rs.getString("description"),
				rs.getLong("team_id"), ownerId, Unit.valueOf(rs.getString("unit")), rs.getString("currency"),
				number(rs, "range_min"), number(rs, "range_max"), rs.getString("formula"), Source.valueOf(rs.getString("source")),
				Frequency.valueOf(rs.getString("frequency")), Aggregation.valueOf(rs.getString("aggregation")),
				rs.getString("category"), Indicator.valueOf(rs.getString("indicator")),
				Shape.valueOf(rs.getString("shape")), thresholds(rs), drivers.getOrDefault(id, Set.of()),
				seasonal.getOrDefault(id, Set.of()), rs.getLong("version"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	/** The text as a LIKE pattern matching itself, with ! as the escape character. */
	static String literal(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static Thresholds thresholds(ResultSet rs) throws SQLException {
		var direction = rs.getString("direction");
		return new Thresholds(direction == null ? null : Direction.valueOf(direction), number(rs, "target"),
				number(rs, "warning"), number(rs, "lower_bound"), number(rs, "upper_bound"), number(rs, "tolerance"),
				number(rs, "baseline"), rs.getObject("baseline_date", LocalDate.class),
				rs.getObject("target_date", LocalDate.class));
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}
}
