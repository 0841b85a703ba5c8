package dev.tandem.pull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonPointer;

import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.KpiPull;
import dev.tandem.kpi.KpiPulls;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;

/** The {@code kpi_pull} table: each PULL KPI's settings and where its runs stand, behind the KPI API's {@link KpiPulls}. */
@Component
class KpiPullStore implements KpiPulls {

	private final JdbcClient jdbc;
	private final ConnectionStore connections;
	private final Clock clock;

	KpiPullStore(JdbcClient jdbc, ConnectionStore connections, Clock clock) {
		this.jdbc = jdbc;
		this.connections = connections;
		this.clock = clock;
	}

	@Override
	public void check(KpiPull pull, Frequency frequency) {
		var problems = new ArrayList<FieldProblem>();
		var connection = connection(pull.connection());
		if (connection.isEmpty()) {
			problems.add(new FieldProblem("pull.connection", "no connection " + Quoted.of(pull.connection())
					+ " exists; name one of GET /api/connections (an administrator adds them)"));
		}
		if (pull.schedule() != null && !pull.schedule().isBlank()) {
			var problem = PullSchedule.cronProblem(pull.schedule());
			if (problem != null) {
				problems.add(new FieldProblem("pull.schedule", problem));
			}
		}
		pointerProblem("pull.valuePath", pull.valuePath()).ifPresent(problems::add);
		pointerProblem("pull.timePath", pull.timePath()).ifPresent(problems::add);
		connection.ifPresent(c -> {
			if (c.kind() == ConnectionKind.SQL) {
				var problem = SqlQueries.problem(pull.query());
				if (problem != null) {
					problems.add(new FieldProblem("pull.query", problem));
				}
			}
			if (c.kind() != ConnectionKind.HTTP_JSON && (present(pull.valuePath()) || present(pull.timePath()))) {
				problems.add(new FieldProblem("pull.valuePath", "JSON Pointers are for HTTP_JSON connections; "
						+ Quoted.of(c.name()) + " is " + c.kind()));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	@Override
	public void save(long kpiId, KpiPull pull) {
		if (pull == null) {
			jdbc.sql("delete from kpi_pull where kpi_id = ?").param(kpiId).update();
			return;
		}
		long connectionId = connection(pull.connection()).orElseThrow().id();
		var now = clock.instant();
		var existing = target(kpiId);
		if (existing.isEmpty()) {
			jdbc.sql("""
					insert into kpi_pull (kpi_id, connection_id, query, value_path, time_path, schedule, next_run_at,
					  failures, backfilled, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, false, ?)""")
				.params(kpiId, connectionId, pull.query(), blankToNull(pull.valuePath()), blankToNull(pull.timePath()),
						blankToNull(pull.schedule()), ConnectionStore.utc(now), ConnectionStore.utc(now))
				.update();
			return;
		}
		var e = existing.get();
		boolean sameSource = e.connectionId() == connectionId && e.query().equals(pull.query())
				&& java.util.Objects.equals(e.valuePath(), blankToNull(pull.valuePath()));
		jdbc.sql("""
				update kpi_pull set connection_id = ?, query = ?, value_path = ?, time_path = ?, schedule = ?,
				  next_run_at = ?, backfilled = ? where kpi_id = ?""")
			.params(connectionId, pull.query(), blankToNull(pull.valuePath()), blankToNull(pull.timePath()),
					blankToNull(pull.schedule()), ConnectionStore.utc(now), sameSource && e.backfilled(), kpiId)
			.update();
	}

	@Override
	public Map<Long, KpiPull> of(Collection<Long> kpiIds) {
		var found = new HashMap<Long, KpiPull>();
		var ids = List.copyOf(kpiIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql("""
					select p.kpi_id, c.name, p.query, p.value_path, p.time_path, p.schedule from kpi_pull p
					join pull_connection c on c.id = p.connection_id where p.kpi_id in (:ids)""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, n) -> found.put(rs.getLong(1), new KpiPull(rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6))))
				.list();
		}
		return found;
	}

	Optional<PullTarget> target(long kpiId) {
		return jdbc.sql("select * from kpi_pull where kpi_id = ?").param(kpiId).query((rs, n) -> new PullTarget(
				rs.getLong("kpi_id"), rs.getLong("connection_id"), rs.getString("query"), rs.getString("value_path"),
				rs.getString("time_path"), rs.getString("schedule"), rs.getInt("failures"), rs.getBoolean("backfilled")))
			.optional();
	}

	/** The KPIs due at this moment, longest waiting first. */
	List<Long> due(Instant now, int limit) {
		return jdbc.sql("select kpi_id from kpi_pull where next_run_at <= ? order by next_run_at, kpi_id limit ?")
			.params(ConnectionStore.utc(now), limit)
			.query(Long.class)
			.list();
	}

	void succeeded(long kpiId, Instant next) {
		jdbc.sql("update kpi_pull set failures = 0, backfilled = true, next_run_at = ? where kpi_id = ?")
			.params(ConnectionStore.utc(next), kpiId)
			.update();
	}

	void failed(long kpiId, Instant next) {
		jdbc.sql("update kpi_pull set failures = failures + 1, next_run_at = ? where kpi_id = ?")
			.params(ConnectionStore.utc(next), kpiId)
			.update();
	}

	/** By id (a number) or by name. */
	private Optional<Connection> connection(String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		var text = reference.strip();
		if (text.matches("\\d{1,18}")) {
			var byId = connections.find(Long.parseLong(text));
			if (byId.isPresent()) {
				return byId;
			}
		}
		return connections.findByName(text);
	}

	private static Optional<FieldProblem> pointerProblem(String field, String pointer) {
		if (!present(pointer)) {
			return Optional.empty();
		}
		try {
			JsonPointer.compile(pointer);
			return Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.of(new FieldProblem(field, Quoted.of(pointer) + " is not a JSON Pointer (RFC 6901); it starts "
					+ "with '/', such as /data/value"));
		}
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	private static String blankToNull(String text) {
		return present(text) ? text.strip() : null;
	}
}
