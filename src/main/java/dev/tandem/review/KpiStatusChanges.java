package dev.tandem.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiHealthChanged;

/** Keeps each KPI's status changes, as the KPI module announces them, for digests and first reviews. */
@Component
class KpiStatusChanges {

	record StatusChange(String kpi, HealthStatus from, HealthStatus to, Instant at) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	KpiStatusChanges(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(KpiHealthChanged event) {
		if (event.from() == event.to()) {
			// only a run of worsening periods changed: not a change of status
			return;
		}
		var at = event.judgedAt() != null ? event.judgedAt() : clock.instant();
		jdbc.sql("insert into kpi_status_change (kpi_key, from_status, to_status, changed_at) values (?, ?, ?, ?)")
			.params(event.kpi(), event.from() == null ? null : event.from().name(), event.to().name(), ReviewStore.utc(at))
			.update();
	}

	/** The status changes of these KPIs since the instant, oldest first. */
	List<StatusChange> since(Collection<String> kpis, Instant since) {
		if (kpis.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select kpi_key, from_status, to_status, changed_at from kpi_status_change
				where kpi_key in (:keys) and changed_at >= :since order by changed_at, id""")
			.param("keys", kpis)
			.param("since", ReviewStore.utc(since))
			.query((rs, n) -> {
				var from = rs.getString("from_status");
				return new StatusChange(rs.getString("kpi_key"), from == null ? null : HealthStatus.valueOf(from),
						HealthStatus.valueOf(rs.getString("to_status")), ReviewStore.instant(rs, "changed_at"));
			})
			.list();
	}
}
