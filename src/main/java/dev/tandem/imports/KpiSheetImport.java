package dev.tandem.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;
import dev.tandem.problem.Quoted;

/**
 * KPI definitions from a sheet, one row per KPI with the fields of {@code POST /api/kpis}:
 * each row checked as the API checks a request (the same constraints, then the KPI module's own
 * rules as it creates the KPI), all created in one transaction or none.
 */
@Service
public class KpiSheetImport {

	/** The columns of a KPI sheet, as the template lists them. */
	public static final List<String> FIELDS = List.of("key", "name", "description", "team", "owner", "unit", "currency",
			"min", "max", "formula", "source", "frequency", "aggregation", "category", "indicator", "drivers", "shape",
			"direction", "target", "warning", "lower", "upper", "tolerance", "baseline", "baseline_date", "target_date");

	static final List<String> REQUIRED = List.of("key", "name", "team", "owner", "unit", "source", "frequency",
			"aggregation", "indicator", "shape");

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("kpi", "key"),
			Map.entry("kpikey", "key"), Map.entry("kpiname", "name"), Map.entry("title", "name"),
			Map.entry("metric", "name"), Map.entry("owneremail", "owner"), Map.entry("lead", "owner"),
			Map.entry("startvalue", "baseline"), Map.entry("targetvalue", "target"), Map.entry("duedate", "target_date"));

	public record PlannedKpi(int row, String key, String name, String team, String owner, Shape shape) {
	}

	public record Report(boolean dryRun, boolean imported, String format, List<PlannedKpi> kpis,
			List<String> ignoredColumns, List<SheetColumn> columns,
			List<ImportProblem> problems) {
	}

	private final Kpis kpis;
	private final Validator validator;
	private final ImportRun run;

	KpiSheetImport(Kpis kpis, Validator validator, ImportRun run) {
		this.kpis = kpis;
		this.validator = validator;
		this.run = run;
	}

	/** Refuses (403) whoever may not import at all: who edits no team and is no administrator. */
	public void requireImporter() {
		run.requireEditor();
	}

	/** Imports the sheet, or with {@code dryRun} only reports; a failed real import throws with every problem. */
	public Report importSheet(SheetTable sheet, Map<String, String> mapping, boolean dryRun) {
		run.requireEditor();
		var columns = ColumnMap.of(sheet.header(), FIELDS, ALIASES, mapping);
		var problems = new ArrayList<ImportProblem>(columns.problems());
		REQUIRED.stream().filter(field -> !columns.has(field)).forEach(field -> problems.add(new ImportProblem(0, field,
				"no column holds " + field + "; name a column " + Quoted.of(field) + " or map one to it")));
		var planned = new ArrayList<PlannedKpi>();
		var definitions = new ArrayList<Row>();
		if (problems.isEmpty()) {
			var firstRowOfKey = new HashMap<String, Integer>();
			for (var row : sheet.rows()) {
				var cells = new Cells(row, columns, problems);
				int before = problems.size();
				var definition = definition(cells);
				validate(definition, cells);
				var earlier = definition.key() == null ? null : firstRowOfKey.putIfAbsent(definition.key(), row.number());
				if (earlier != null) {
					cells.problem("key", "KPI key " + Quoted.of(definition.key()) + " is already on row " + earlier
							+ "; a key names one KPI");
				}
				else if (definition.key() != null && kpis.find(definition.key()).isPresent()) {
					cells.problem("key", "a KPI with key " + Quoted.of(definition.key()) + " already exists in Tandem");
				}
				planned.add(new PlannedKpi(row.number(), definition.key(), definition.name(), definition.team(),
						definition.owner(), definition.shape()));
				if (problems.size() == before) {
					definitions.add(new Row(row.number(), definition));
				}
			}
			if (sheet.rows().isEmpty()) {
				problems.add(new ImportProblem(0, null, "the file has a header but no rows"));
			}
		}
		boolean imported = run.run(dryRun, problems, attempts -> definitions.forEach(row -> attempts.attempt(row.number(),
				KpiSheetImport::column, () -> kpis.create(row.definition()))));
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		if (!dryRun && !imported) {
			throw ImportRun.failure(problems);
		}
		return new Report(dryRun, imported, sheet.format(), planned, columns.ignored(), columns.columns(), problems);
	}

	private record Row(int number, KpiDefinition definition) {
	}

	private static KpiDefinition definition(Cells c) {
		return new KpiDefinition(c.text("key"), c.text("name"), c.text("description"), c.text("team"), c.text("owner"),
				c.choice("unit", Unit.class), c.text("currency"), c.number("min"), c.number("max"), c.text("formula"),
				c.choice("source", Source.class), c.choice("frequency", Frequency.class),
				c.choice("aggregation", Aggregation.class), c.text("category"), c.choice("indicator", Indicator.class),
				c.list("drivers"), c.choice("shape", Shape.class), c.choice("direction", Direction.class),
				c.number("target"), c.number("warning"), c.number("lower"), c.number("upper"), c.number("tolerance"),
				c.number("baseline"), c.date("baseline_date"), c.date("target_date"), null, null);
	}

	/** The API's constraints on the request; a field already reported as unreadable is not reported again as missing. */
	private void validate(KpiDefinition definition, Cells cells) {
		for (var violation : validator.validate(definition)) {
			var column = column(violation.getPropertyPath().toString());
			if (cells.text(column) != null && violation.getInvalidValue() == null) {
				continue;
			}
			cells.problem(column, violation.getMessage());
		}
	}

	/** The sheet column of an API field: baselineDate is baseline_date, drivers[2] is drivers. */
	static String column(String field) {
		if (field == null || field.isBlank()) {
			return null;
		}
		var plain = field.replaceAll("\\[\\d+\\].*$", "").replaceAll("\\..*$", "");
		return plain.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}
}
