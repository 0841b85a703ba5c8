package dev.tandem.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import dev.tandem.problem.InvalidInputException;

/**
 * The person's column mapping, as a request gives it: a JSON object {@code mapping} of the
 * file's header → Tandem's field ({@code {"Objective Name":"objective"}}), and/or parameters
 * {@code map.<field>=<header>} ({@code map.objective=Objective Name}), and the page's
 * {@code column:<header>=<field>}; the later ones win. The field {@code ignore} leaves a column out.
 */
public final class ColumnMapping {

	private ColumnMapping() {
	}

	public static Map<String, String> of(String json, Map<String, String[]> parameters, ObjectMapper mapper) {
		var mapping = new LinkedHashMap<String, String>();
		if (json != null && !json.isBlank()) {
			try {
				var node = mapper.readTree(json);
				if (!node.isObject()) {
					throw new InvalidInputException("mapping", "must be a JSON object of header to field");
				}
				for (var entry : node.properties()) {
					if (!entry.getValue().isString()) {
						throw new InvalidInputException("mapping", "the value for " + entry.getKey() + " must be a field name");
					}
					mapping.put(entry.getKey(), entry.getValue().asString());
				}
			}
			catch (JacksonException e) {
				throw new InvalidInputException("mapping", "is not valid JSON; write it as {\"Your header\":\"field\"}");
			}
		}
		parameters.forEach((name, values) -> {
			if (name.startsWith("map.") && name.length() > 4 && values.length > 0 && !values[0].isBlank()) {
				mapping.put(values[0], name.substring(4));
			}
			// the import page's mapping step: one choice per header of the file ("" = as matched, "ignore")
			if (name.startsWith("column:") && name.length() > 7 && values.length > 0) {
				mapping.put(name.substring(7), values[0]);
			}
		});
		return mapping;
	}
}
