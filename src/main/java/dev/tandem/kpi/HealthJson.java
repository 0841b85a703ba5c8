package dev.tandem.kpi;

import java.io.OutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the dashboard's list of {@link KpiHealth} straight to the response with a streaming
 * generator: the same JSON the application's mapper writes for it (names in record order, nulls
 * left out, enums by name, dates and instants in ISO-8601; a test holds the two equal), without
 * the bean serialiser's reflective walk over ten thousand records.
 */
final class HealthJson {

	private HealthJson() {
	}

	static void write(ObjectMapper mapper, List<KpiHealth> all, OutputStream out) {
		try (JsonGenerator json = mapper.createGenerator(out)) {
			json.writeStartArray();
			for (var health : all) {
				json.writeStartObject();
				json.writeStringProperty("kpi", health.kpi());
				name(json, "status", health.status());
				if (health.value() != null) {
					json.writeNumberProperty("value", health.value());
				}
				if (health.periodStart() != null) {
					json.writeStringProperty("periodStart", health.periodStart().toString());
				}
				name(json, "position", health.position());
				if (health.expected() != null) {
					json.writeNumberProperty("expected", health.expected());
				}
				name(json, "trend", health.trend());
				json.writeNumberProperty("worseningPeriods", health.worseningPeriods());
				name(json, "mode", health.mode());
				if (health.improvingObjectiveId() != null) {
					json.writeNumberProperty("improvingObjectiveId", health.improvingObjectiveId());
				}
				if (health.lastMeasuredAt() != null) {
					json.writeStringProperty("lastMeasuredAt", health.lastMeasuredAt().toString());
				}
				if (health.staleReason() != null) {
					json.writeStringProperty("staleReason", health.staleReason());
				}
				json.writeEndObject();
			}
			json.writeEndArray();
		}
	}

	private static void name(JsonGenerator json, String property, Enum<?> value) {
		if (value != null) {
			json.writeStringProperty(property, value.name());
		}
	}
}
