package dev.tandem.pull;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The {@code pull_run} table: every run, kept with the KPI. */
@Component
class PullRunStore {

	private final JdbcClient jdbc;

	PullRunStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PullRunView insert(long kpiId, String connection, PullRunView.Status status, int points, String message,
			Instant startedAt, Instant finishedAt) {
		var keys = new GeneratedKeyHolder();
		var shortened = message == null ? null : message.length() > 1000 ? message.substring(0, 997) + "..." : message;
		jdbc.sql("""
				insert into pull_run (kpi_id, connection, status, points, message, started_at, finished_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(kpiId, connection, status.name(), points, shortened, ConnectionStore.utc(startedAt),
					ConnectionStore.utc(finishedAt))
			.update(keys, "id");
		return new PullRunView(keys.getKey().longValue(), status, points, shortened, connection, startedAt, finishedAt);
	}

	/** Newest first. */
	List<PullRunView> of(long kpiId, int limit, int offset) {
		return jdbc.sql("select * from pull_run where kpi_id = ? order by started_at desc, id desc limit ? offset ?")
			.params(kpiId, limit, offset)
			.query((rs, n) -> new PullRunView(rs.getLong("id"), PullRunView.Status.valueOf(rs.getString("status")),
					rs.getInt("points"), rs.getString("message"), rs.getString("connection"),
					ConnectionStore.instant(rs, "started_at"), ConnectionStore.instant(rs, "finished_at")))
			.list();
	}
}
