package dev.tandem.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.tandem.org.Actor;

/** The history of a KPI's definition: one row per changed field, with who, when, from, to and why. */
@Repository
class KpiHistory {

	private final JdbcClient jdbc;

	KpiHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void created(long kpiId, KpiView view, Instant at) {
		insert(kpiId, at, "created", null, view.name(), null);
	}

	void changed(long kpiId, KpiView before, KpiView after, Instant at, String reason) {
		var old = fields(before);
		var now = fields(after);
		for (var field : now.keySet()) {
			if (!Objects.equals(old.get(field), now.get(field))) {
				insert(kpiId, at, field, old.get(field), now.get(field), reason);
			}
		}
	}

	List<KpiChange> of(long kpiId) {
		return jdbc.sql("select * from kpi_change where kpi_id = ? order by changed_at, id")
			.param(kpiId)
			.query((rs, n) -> new KpiChange(rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
					rs.getString("changed_by"), rs.getString("field"), rs.getString("old_value"),
					rs.getString("new_value"), rs.getString("reason")))
			.list();
	}

	private void insert(long kpiId, Instant at, String field, String from, String to, String reason) {
		jdbc.sql("""
				insert into kpi_change (kpi_id, changed_at, changed_by, field, old_value, new_value, reason)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(kpiId, MeasurementStore.utc(at), Actor.current(), field, cut(from), cut(to), reason)
			.update();
	}

	private static String cut(String text) {
		return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
	}

	private static Map<String, String> fields(KpiView v) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("name", v.name());
		fields.put("description", v.description());
		fields.put("team", v.team());
		fields.put("owner", v.owner());
		fields.put("unit", text(v.unit()));
		fields.put("currency", v.currency());
		fields.put("min", text(v.min()));
		fields.put("max", text(v.max()));
		fields.put("formula", v.formula());
		fields.put("source", text(v.source()));
		fields.put("frequency", text(v.frequency()));
		fields.put("aggregation", text(v.aggregation()));
		fields.put("category", v.category());
		fields.put("indicator", text(v.indicator()));
		fields.put("drivers", String.join(", ", v.drivers()));
		fields.put("shape", text(v.shape()));
		fields.put("direction", text(v.direction()));
		fields.put("target", text(v.target()));
		fields.put("warning", text(v.warning()));
		fields.put("lower", text(v.lower()));
		fields.put("upper", text(v.upper()));
		fields.put("tolerance", text(v.tolerance()));
		fields.put("baseline", text(v.baseline()));
		fields.put("baselineDate", text(v.baselineDate()));
		fields.put("targetDate", text(v.targetDate()));
		fields.put("thresholdsByPeriod", v.thresholdsByPeriod().toString());
		return fields;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
