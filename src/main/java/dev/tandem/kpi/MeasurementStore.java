package dev.tandem.kpi;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The time series and its roll-ups, in SQL. Points are only ever inserted; per-period roll-ups
 * and the one-row state per KPI are maintained alongside, so that reading a current value
 * never scans history. Large batches on PostgreSQL go through COPY.
 */
@Repository
class MeasurementStore {

	/** Below this many points a JDBC batch is as fast as COPY and works on every database. */
	static final int COPY_THRESHOLD = 2_000;

	/** Period rows from which COPY beats a batch of inserts. */
	static final int PERIOD_COPY_THRESHOLD = 200;

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final DataSource dataSource;

	MeasurementStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
	}

	record Point(long kpiId, Instant at, double value, String note) {
	}

	record StoredMeasurement(long id, Instant at, double value, String note, String source, String recordedBy,
			Instant recordedAt, boolean superseded) {
	}

	void createState(long kpiId, Instant now) {
		jdbc.sql("insert into kpi_state (kpi_id, status, updated_at) values (?, 'NO_DATA', ?)")
			.params(kpiId, utc(now))
			.update();
	}

	/** Locks the states of these KPIs in id order (so that concurrent writers never deadlock) and reads them. */
	Map<Long, KpiState> lockStates(Collection<Long> kpiIds) {
		return states(kpiIds, true);
	}

	/** The states of these KPIs, read without locking. */
	Map<Long, KpiState> states(Collection<Long> kpiIds) {
		return states(kpiIds, false);
	}

	/** The states of these KPIs, a chunk of ids per statement in id order, locked for update if asked. */
	private Map<Long, KpiState> states(Collection<Long> kpiIds, boolean lock) {
		var states = new HashMap<Long, KpiState>();
		var sorted = kpiIds.stream().sorted().toList();
		for (int i = 0; i < sorted.size(); i += CHUNK) {
			jdbc.sql("select * from kpi_state where kpi_id in (:ids)" + (lock ? " order by kpi_id for update" : ""))
				.param("ids", sorted.subList(i, Math.min(sorted.size(), i + CHUNK)))
				.query((rs, n) -> state(rs))
				.list()
				.forEach(state -> states.put(state.kpiId(), state));
		}
		return states;
	}

	Map<Long, KpiState> states() {
		return jdbc.sql("select * from kpi_state").query((rs, n) -> state(rs)).list().stream()
			.collect(Collectors.toMap(KpiState::kpiId, state -> state));
	}

	KpiState state(long kpiId) {
		return jdbc.sql("select * from kpi_state where kpi_id = ?").param(kpiId).query((rs, n) -> state(rs)).single();
	}

	void saveStates(Collection<KpiState> states, Instant now) {
		template.batchUpdate("""
				update kpi_state set last_at = ?, last_value = ?, point_count = ?, recent_periods = ?, status = ?,
				improving_objective = ?, pull_failing_since = ?, pull_failure = ?, updated_at = ? where kpi_id = ?""",
				states, CHUNK, (ps, s) -> {
					ps.setObject(1, utc(s.lastAt()));
					ps.setObject(2, s.lastValue());
					ps.setLong(3, s.pointCount());
					ps.setString(4, KpiState.encode(s.recent()));
					ps.setString(5, s.status().name());
					ps.setObject(6, s.improvingObjective());
					ps.setObject(7, utc(s.pullFailingSince()));
					ps.setString(8, s.pullFailure());
					ps.setObject(9, utc(now));
					ps.setLong(10, s.kpiId());
				});
	}

	/** Inserts the points, group after group and each group in its order (so ids follow it). */
	void insert(List<List<Point>> groups, String source, String recordedBy, Instant recordedAt) {
		long size = groups.stream().mapToLong(List::size).sum();
		if (size >= COPY_THRESHOLD && copy(groups, source, recordedBy, recordedAt)) {
			return;
		}
		var recorded = utc(recordedAt);
		var points = groups.stream().flatMap(List::stream).toList();
		template.batchUpdate("""
				insert into measurement (kpi_id, measured_at, num_value, note, source, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""", points, 1_000, (ps, p) -> {
			ps.setLong(1, p.kpiId());
			ps.setObject(2, utc(p.at()));
			ps.setDouble(3, p.value());
			ps.setString(4, p.note());
			ps.setString(5, source);
			ps.setString(6, recordedBy);
			ps.setObject(7, recorded);
		});
	}

	/** PostgreSQL's binary COPY, inside the current transaction; false where the database is not PostgreSQL. */
	private boolean copy(List<List<Point>> groups, String source, String recordedBy, Instant recordedAt) {
		var sourceBytes = source.getBytes(StandardCharsets.UTF_8);
		var recordedByBytes = recordedBy.getBytes(StandardCharsets.UTF_8);
		long recorded = BinaryCopy.micros(recordedAt);
		return copyIn("copy measurement (kpi_id, measured_at, num_value, note, source, recorded_by, recorded_at) "
				+ "from stdin (format binary)", rows -> {
					for (var group : groups) {
						for (var p : group) {
							rows.row(7)
								.int8(p.kpiId())
								.timestamptz(p.at())
								.float8(p.value())
								.text(p.note())
								.text(sourceBytes)
								.text(recordedByBytes)
								.timestamptz(recorded);
						}
					}
				});
	}

	interface CopyRows {

		void write(BinaryCopy rows) throws SQLException;
	}

	/** Runs a binary COPY on the transaction's connection; false, having done nothing, if that is not PostgreSQL's. */
	private boolean copyIn(String sql, CopyRows writer) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			if (!connection.isWrapperFor(PGConnection.class)) {
				return false;
			}
			var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			try {
				var rows = new BinaryCopy(copy);
				writer.write(rows);
				rows.end();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			return true;
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + sql, e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	void insertPeriods(long kpiId, Collection<PeriodAggregate> periods) {
		template.batchUpdate("""
				insert into kpi_period (kpi_id, period_start, point_count, total, min_value, max_value, last_at, last_value)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", periods, CHUNK, (ps, p) -> {
			ps.setLong(1, kpiId);
			ps.setObject(2, p.start());
			ps.setLong(3, p.count());
			ps.setDouble(4, p.total());
			ps.setDouble(5, p.min());
			ps.setDouble(6, p.max());
			ps.setObject(7, utc(p.lastAt()));
			ps.setDouble(8, p.last());
		});
	}

	void insertPeriods(Map<Long, List<PeriodAggregate>> periodsByKpi) {
		var rows = periodsByKpi.entrySet().stream()
			.flatMap(entry -> entry.getValue().stream().map(p -> Map.entry(entry.getKey(), p)))
			.toList();
		if (rows.size() >= PERIOD_COPY_THRESHOLD && copyIn("""
				copy kpi_period (kpi_id, period_start, point_count, total, min_value, max_value, last_at, last_value)
				from stdin (format binary)""", copy -> {
			for (var row : rows) {
				var p = row.getValue();
				copy.row(8)
					.int8(row.getKey())
					.date(p.start())
					.int8(p.count())
					.float8(p.total())
					.float8(p.min())
					.float8(p.max())
					.timestamptz(p.lastAt())
					.float8(p.last());
			}
		})) {
			return;
		}
		template.batchUpdate("""
				insert into kpi_period (kpi_id, period_start, point_count, total, min_value, max_value, last_at, last_value)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1_000, (ps, row) -> {
			var p = row.getValue();
			ps.setLong(1, row.getKey());
			ps.setObject(2, p.start());
			ps.setLong(3, p.count());
			ps.setDouble(4, p.total());
			ps.setDouble(5, p.min());
			ps.setDouble(6, p.max());
			ps.setObject(7, utc(p.lastAt()));
			ps.setDouble(8, p.last());
		});
	}

	void updatePeriods(Map<Long, PeriodAggregate> periodByKpi) {
		template.batchUpdate("""
				update kpi_period set point_count = ?, total = ?, min_value = ?, max_value = ?, last_at = ?, last_value = ?
				where kpi_id = ? and period_start = ?""", periodByKpi.entrySet(), CHUNK, (ps, row) -> {
			var p = row.getValue();
			ps.setLong(1, p.count());
			ps.setDouble(2, p.total());
			ps.setDouble(3, p.min());
			ps.setDouble(4, p.max());
			ps.setObject(5, utc(p.lastAt()));
			ps.setDouble(6, p.last());
			ps.setLong(7, row.getKey());
			ps.setObject(8, p.start());
		});
	}

	void deletePeriods(long kpiId, Collection<LocalDate> starts) {
		if (starts.isEmpty()) {
			return;
		}
		jdbc.sql("delete from kpi_period where kpi_id = :kpi and period_start in (:starts)")
			.param("kpi", kpiId)
			.param("starts", List.copyOf(starts))
			.update();
	}

	void deleteAllPeriods(long kpiId) {
		jdbc.sql("delete from kpi_period where kpi_id = ?").param(kpiId).update();
	}

	/**
	 * Rolls the raw points of a time range up into periods, the last record at each instant
	 * standing for it (a correction replaces what it corrects).
	 */
	List<PeriodAggregate> rollUp(long kpiId, Frequency frequency, ZoneId zone, Instant from, Instant until) {
		var periods = new ArrayList<PeriodAggregate>();
		var current = new PeriodAggregate[1];
		var pending = new Object[2];
		jdbc.sql("""
				select measured_at, num_value from measurement
				where kpi_id = ? and measured_at >= ? and measured_at < ?
				order by measured_at, id""")
			.params(kpiId, utc(from), utc(until))
			.query(rs -> {
				var at = rs.getObject(1, OffsetDateTime.class).toInstant();
				double value = rs.getDouble(2);
				if (pending[0] != null && !pending[0].equals(at)) {
					add(periods, current, frequency, zone, (Instant) pending[0], (Double) pending[1]);
				}
				pending[0] = at;
				pending[1] = value;
			});
		if (pending[0] != null) {
			add(periods, current, frequency, zone, (Instant) pending[0], (Double) pending[1]);
		}
		if (current[0] != null) {
			periods.add(current[0]);
		}
		return periods;
	}

	private static void add(List<PeriodAggregate> periods, PeriodAggregate[] current, Frequency frequency, ZoneId zone,
			Instant at, double value) {
		var start = frequency.periodStart(at, zone);
		if (current[0] != null && current[0].start().equals(start)) {
			current[0] = current[0].plus(at, value);
			return;
		}
		if (current[0] != null) {
			periods.add(current[0]);
		}
		current[0] = PeriodAggregate.of(start, at, value);
	}

	List<PeriodAggregate> latestPeriods(long kpiId, int count) {
		var latest = new ArrayList<>(jdbc.sql("select * from kpi_period where kpi_id = ? order by period_start desc limit ?")
			.params(kpiId, count)
			.query((rs, n) -> period(rs))
			.list());
		java.util.Collections.reverse(latest);
		return latest;
	}

	List<PeriodAggregate> periods(long kpiId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select * from kpi_period where kpi_id = ? and period_start >= ? and period_start <= ?
				order by period_start""")
			.params(kpiId, from, to)
			.query((rs, n) -> period(rs))
			.list();
	}

	private static final String MEASUREMENTS = """
			select m.*, exists (select 1 from measurement later where later.kpi_id = m.kpi_id
			    and later.measured_at = m.measured_at and later.id > m.id) as superseded
			from measurement m
			where m.kpi_id = ? and m.measured_at >= ? and m.measured_at <= ?
			order by m.measured_at, m.id""";

	/** Rows an export reads from the database at a time: a cursor, never the whole series. */
	static final int EXPORT_FETCH_SIZE = 1000;

	List<StoredMeasurement> measurements(long kpiId, Instant from, Instant to, int limit, int offset) {
		return jdbc.sql(MEASUREMENTS + " limit ? offset ?")
			.params(kpiId, utc(from), utc(to), limit, offset)
			.query((rs, n) -> stored(rs))
			.list();
	}

	/**
	 * The same rows as a stream over an open cursor, read {@value #EXPORT_FETCH_SIZE} at a time
	 * (PostgreSQL fetches by cursor only inside a transaction: the caller holds one). Close it.
	 */
	java.util.stream.Stream<StoredMeasurement> stream(long kpiId, Instant from, Instant to) {
		return jdbc.sql(MEASUREMENTS)
			.withFetchSize(EXPORT_FETCH_SIZE)
			.params(kpiId, utc(from), utc(to))
			.query((rs, n) -> stored(rs))
			.stream();
	}

	private static StoredMeasurement stored(java.sql.ResultSet rs) throws SQLException {
		return new StoredMeasurement(rs.getLong("id"), rs.getObject("measured_at", OffsetDateTime.class).toInstant(),
				rs.getDouble("num_value"), rs.getString("note"), rs.getString("source"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getBoolean("superseded"));
	}

	private static PeriodAggregate period(java.sql.ResultSet rs) throws SQLException {
		return new PeriodAggregate(rs.getObject("period_start", LocalDate.class), rs.getLong("point_count"),
				rs.getDouble("total"), rs.getDouble("min_value"), rs.getDouble("max_value"),
				rs.getObject("last_at", OffsetDateTime.class).toInstant(), rs.getDouble("last_value"));
	}

	/** A kpi_state row (any result set with its columns by name). */
	static KpiState state(java.sql.ResultSet rs) throws SQLException {
		var lastAt = rs.getObject("last_at", OffsetDateTime.class);
		var pullSince = rs.getObject("pull_failing_since", OffsetDateTime.class);
		double lastValue = rs.getDouble("last_value");
		Double last = rs.wasNull() ? null : lastValue;
		long objective = rs.getLong("improving_objective");
		Long improving = rs.wasNull() ? null : objective;
		return new KpiState(rs.getLong("kpi_id"), lastAt == null ? null : lastAt.toInstant(), last,
				rs.getLong("point_count"), KpiState.decode(rs.getString("recent_periods")),
				HealthStatus.valueOf(rs.getString("status")), improving, pullSince == null ? null : pullSince.toInstant(),
				rs.getString("pull_failure"));
	}

	static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

	static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
