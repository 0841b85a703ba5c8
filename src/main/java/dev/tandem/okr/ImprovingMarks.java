package dev.tandem.okr;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.Kpis;

/**
 * Keeps each KPI's mode true: IMPROVING, naming the objective, while an active objective (not a
 * draft, its cycle not closed) has a key result linked to it; MONITORED otherwise. Rather than
 * mark and unmark on every path (a link added, a key result deleted, a cycle closed, an
 * objective activated), each path names the KPIs it touched and this works out their mode from
 * the links that remain. When several objectives improve one KPI, the earliest one is named.
 * <p>
 * A draft improves nothing by itself, with one exception: a draft that was named the KPI's
 * improver on purpose (the loop does so when a person accepts its proposal) keeps that mark
 * while it still has a key result on the KPI in an open cycle — somebody has taken the KPI on.
 */
@Component
class ImprovingMarks {

	private final JdbcClient jdbc;
	private final Kpis kpis;

	ImprovingMarks(JdbcClient jdbc, Kpis kpis) {
		this.jdbc = jdbc;
		this.kpis = kpis;
	}

	void sync(Collection<String> kpiKeys) {
		var keys = new TreeSet<String>();
		kpiKeys.stream().filter(Objects::nonNull).forEach(keys::add);
		if (keys.isEmpty()) {
			return;
		}
		var current = kpis.health(keys);
		for (var key : keys) {
			var health = current.get(key);
			if (health == null) {
				continue; // the KPI was deleted; nothing to mark
			}
			var improving = improvingObjective(key);
			if (improving == null && health.improvingObjectiveId() != null
					&& stillLinked(health.improvingObjectiveId(), key)) {
				improving = health.improvingObjectiveId();
			}
			if (!Objects.equals(improving, health.improvingObjectiveId())) {
				kpis.improving(key, improving);
			}
		}
	}

	private boolean stillLinked(long objectiveId, String kpiKey) {
		return jdbc.sql("""
				select count(*) from key_result k
				join objective o on o.id = k.objective_id
				join okr_cycle c on c.id = o.cycle_id
				where o.id = ? and k.kpi_key = ? and c.closed_at is null""")
			.params(objectiveId, kpiKey)
			.query(Long.class)
			.single() > 0;
	}

	private Long improvingObjective(String kpiKey) {
		return jdbc.sql("""
				select min(o.id) from key_result k
				join objective o on o.id = k.objective_id
				join okr_cycle c on c.id = o.cycle_id
				where k.kpi_key = ? and o.state = 'ACTIVE' and c.closed_at is null""")
			.param(kpiKey)
			.query(Long.class)
			.optional()
			.orElse(null);
	}
}
