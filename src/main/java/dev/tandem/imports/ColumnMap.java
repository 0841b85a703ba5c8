package dev.tandem.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.problem.Quoted;

/**
 * Which column of a sheet holds which of Tandem's fields. A header names a field when they are
 * the same but for case, spaces, underscores and hyphens ({@code Key Result} is
 * {@code key_result}), when it is one of the field's known aliases (other tools' export
 * headers), or when the person's mapping says so — the mapping wins. Other columns are ignored
 * and listed, so that a preview shows what was left out.
 */
record ColumnMap(Map<String, Integer> fields, List<String> ignored, List<ImportProblem> problems, List<SheetColumn> columns) {

	/** A mapping's field for a column to leave out, though its header would match a field. */
	static final String IGNORE = "ignore";


	static String normal(String header) {
		return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
	}

	/**
	 * @param known   Tandem's field names, in the order a template lists them
	 * @param aliases normal header → field, for headers other tools write
	 * @param mapping the person's header → field (headers as they are written in the file)
	 */
	static ColumnMap of(List<String> header, List<String> known, Map<String, String> aliases, Map<String, String> mapping) {
		var byNormal = new LinkedHashMap<String, String>();
		known.forEach(field -> byNormal.put(normal(field), field));
		var chosen = new LinkedHashMap<String, String>();
		var problems = new ArrayList<ImportProblem>();
		mapping.forEach((source, target) -> {
			var field = byNormal.get(normal(target));
			if (normal(target).isEmpty()) {
				return;
			}
			if (normal(target).equals(IGNORE)) {
				chosen.put(normal(source), null);
			}
			else if (field == null) {
				problems.add(new ImportProblem(0, source, "the mapping names " + Quoted.of(target)
						+ ", which is not a field; the fields are " + String.join(", ", known)));
			}
			else {
				chosen.put(normal(source), field);
			}
		});
		var fields = new LinkedHashMap<String, Integer>();
		var ignored = new ArrayList<String>();
		var columns = new ArrayList<SheetColumn>();
		for (int i = 0; i < header.size(); i++) {
			var name = header.get(i) == null ? "" : header.get(i).strip();
			if (name.isEmpty()) {
				continue;
			}
			var normal = normal(name);
			var field = chosen.containsKey(normal) ? chosen.get(normal)
					: byNormal.containsKey(normal) ? byNormal.get(normal) : aliases.get(normal);
			if (field == null) {
				ignored.add(name);
				columns.add(new SheetColumn(name, null));
			}
			else if (fields.containsKey(field)) {
				columns.add(new SheetColumn(name, null));
				problems.add(new ImportProblem(0, name, "is the second column for " + field + " (the first is "
						+ Quoted.of(header.get(fields.get(field)).strip()) + "); map one of them to another field"));
			}
			else {
				fields.put(field, i);
				columns.add(new SheetColumn(name, field));
			}
		}
		return new ColumnMap(fields, ignored, problems, columns);
	}

	boolean has(String field) {
		return fields.containsKey(field);
	}

	/** The row's stripped cell for the field, or null when blank or when the sheet has no such column. */
	String cell(SheetTable.Row row, String field) {
		var index = fields.get(field);
		return index == null ? null : row.cell(index);
	}
}
