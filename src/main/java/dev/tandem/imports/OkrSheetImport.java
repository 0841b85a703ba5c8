package dev.tandem.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.tandem.kpi.Kpis;
import dev.tandem.okr.Commitment;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.KeyResultInput;
import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.ObjectiveInput;
import dev.tandem.okr.ObjectiveLevel;
import dev.tandem.okr.Objectives;
import dev.tandem.org.Organisation;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.problem.Quoted;

/**
 * OKRs from a sheet into one cycle: one row per key result, the objective's columns repeated on
 * each of its rows (a row without a key result is an objective without one). A parent is named
 * by its title, in the file or already in Tandem; parents are created before their children.
 * Teams, people and KPIs must exist: the file's unknown ones are reported, never created.
 */
@Service
public class OkrSheetImport {

	public static final List<String> FIELDS = List.of("objective", "level", "team", "owner", "parent", "commitment",
			"key_result", "type", "kr_owner", "baseline", "target", "unit", "kpi", "weight");

	static final List<String> REQUIRED = List.of("objective", "team", "owner");

	/** Headers of Viva Goals' and Perdoo's exports and of common hand-made sheets. */
	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("objectivename", "objective"),
			Map.entry("objectivetitle", "objective"), Map.entry("goal", "objective"),
			Map.entry("objectiveowner", "owner"), Map.entry("objectivelead", "owner"), Map.entry("lead", "owner"),
			Map.entry("objectivelevel", "level"), Map.entry("parentobjective", "parent"),
			Map.entry("alignedto", "parent"), Map.entry("alignedwith", "parent"), Map.entry("parentname", "parent"),
			Map.entry("keyresultname", "key_result"), Map.entry("keyresulttitle", "key_result"),
			Map.entry("kr", "key_result"), Map.entry("krname", "key_result"), Map.entry("keyresultowner", "kr_owner"),
			Map.entry("keyresultlead", "kr_owner"), Map.entry("krlead", "kr_owner"), Map.entry("startvalue", "baseline"),
			Map.entry("start", "baseline"), Map.entry("startingvalue", "baseline"), Map.entry("targetvalue", "target"),
			Map.entry("metricunit", "unit"), Map.entry("krtype", "type"), Map.entry("keyresulttype", "type"),
			Map.entry("kpikey", "kpi"), Map.entry("objectiveteam", "team"), Map.entry("teamkey", "team"));

	public record PlannedObjective(int row, String title, ObjectiveLevel level, String team, String owner, String parent,
			Commitment commitment, Long id) {
	}

	public record PlannedKeyResult(int row, String objective, String title, KeyResultType type, String owner,
			Double baseline, Double target, String unit, String kpi, Double weight, Long id) {
	}

	/** An objective aligned to its parent ("parent"), or a key result following a KPI ("kpi"). */
	public record Link(int row, String kind, String from, String to) {
	}

	public record Report(boolean dryRun, boolean imported, String format, long cycle, List<PlannedObjective> objectives,
			List<PlannedKeyResult> keyResults, List<String> kpis, List<Link> links, List<String> ignoredColumns,
			List<SheetColumn> columns, List<ImportProblem> problems) {
	}

	private final Objectives objectives;
	private final KeyResults keyResults;
	private final Cycles cycles;
	private final Kpis kpis;
	private final Organisation organisation;
	private final ImportRun run;

	OkrSheetImport(Objectives objectives, KeyResults keyResults, Cycles cycles, Kpis kpis, Organisation organisation,
			ImportRun run) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.cycles = cycles;
		this.kpis = kpis;
		this.organisation = organisation;
		this.run = run;
	}

	/** An objective of the file with its key results; {@code id} once it is written. */
	private static final class Planned {

		PlannedObjective objective;
		Long parentId;
		final List<PlannedKeyResult> keyResults = new ArrayList<>();
		final List<PlannedKeyResult> accepted = new ArrayList<>();
		boolean writable = true;
	}

	public Report importSheet(SheetTable sheet, long cycle, Map<String, String> mapping, boolean dryRun) {
		run.requireEditor();
		try {
			cycles.get(cycle);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("cycle", "no cycle " + cycle + " exists; choose the cycle to import into");
		}
		var columns = ColumnMap.of(sheet.header(), FIELDS, ALIASES, mapping);
		var problems = new ArrayList<ImportProblem>(columns.problems());
		REQUIRED.stream().filter(field -> !columns.has(field)).forEach(field -> problems.add(new ImportProblem(0, field,
				"no column holds " + field + "; name a column " + Quoted.of(field) + " or map one to it")));
		var plan = new LinkedHashMap<String, Planned>();
		if (problems.isEmpty()) {
			read(sheet, columns, plan, problems);
			if (sheet.rows().isEmpty()) {
				problems.add(new ImportProblem(0, null, "the file has a header but no rows"));
			}
			resolveParents(plan, cycle, problems);
		}
		var order = order(plan, problems);
		boolean imported = run.run(dryRun, problems, attempts -> write(order, plan, cycle, attempts, problems));
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		if (!dryRun && !imported) {
			throw ImportRun.failure(problems);
		}
		return report(sheet, cycle, plan, columns, problems, dryRun, imported);
	}

	private void read(SheetTable sheet, ColumnMap columns, Map<String, Planned> plan, List<ImportProblem> problems) {
		var people = new HashMap<String, Boolean>();
		var kpiKeys = new LinkedHashSet<String>();
		sheet.rows().forEach(row -> {
			var kpi = columns.cell(row, "kpi");
			if (kpi != null) {
				kpiKeys.add(kpi);
			}
		});
		var existingKpis = kpis.existing(kpiKeys);
		for (var row : sheet.rows()) {
			var c = new Cells(row, columns, problems);
			int before = problems.size();
			var title = c.text("objective");
			if (title == null) {
				c.problem("objective", "is empty; every row names its objective (repeat it on each of its key results)");
				continue;
			}
			var level = c.choice("level", ObjectiveLevel.class);
			var commitment = c.choice("commitment", Commitment.class);
			var objective = new PlannedObjective(row.number(), title, level == null ? ObjectiveLevel.TEAM : level,
					c.text("team"), c.text("owner"), c.text("parent"),
					commitment == null ? Commitment.COMMITTED : commitment, null);
			var planned = plan.computeIfAbsent(normal(title), t -> new Planned());
			if (planned.objective == null) {
				planned.objective = objective;
			}
			else {
				agree(c, planned.objective, objective);
			}
			var krTitle = c.text("key_result");
			if (krTitle == null) {
				continue;
			}
			var target = c.number("target");
			var baseline = c.number("baseline");
			var weight = c.number("weight");
			var type = c.choice("type", KeyResultType.class);
			if (type == null && c.text("type") == null) {
				type = target != null || baseline != null ? KeyResultType.METRIC : KeyResultType.MILESTONE;
			}
			var owner = c.text("kr_owner") != null ? c.text("kr_owner") : planned.objective.owner();
			if (owner != null && !people.computeIfAbsent(owner, o -> organisation.findPerson(o).isPresent())) {
				c.problem(c.text("kr_owner") != null ? "kr_owner" : "owner", "no person " + Quoted.of(owner)
						+ " exists; an import does not create people: add them first");
			}
			if (type == KeyResultType.METRIC && baseline != null && baseline.equals(target)) {
				c.problem("target", "equals the baseline (" + baseline + "); a key result moves from its baseline to a different target");
			}
			var kpi = c.text("kpi");
			if (kpi != null && !existingKpis.contains(kpi)) {
				c.problem("kpi", "no KPI " + Quoted.of(kpi) + " exists; import the KPIs first or leave the cell empty");
			}
			if (kpi != null && planned.keyResults.stream().anyMatch(kr -> kpi.equals(kr.kpi()))) {
				c.problem("kpi", "KPI " + Quoted.of(kpi) + " already follows another key result of objective "
						+ Quoted.of(title) + "; a KPI key appears once per objective");
			}
			var keyResult = new PlannedKeyResult(row.number(), title, krTitle, type, owner, baseline, target,
					c.text("unit"), kpi, weight, null);
			planned.keyResults.add(keyResult);
			if (problems.size() == before) {
				planned.accepted.add(keyResult);
			}
		}
	}

	/** The objective columns of a later row agree with its first row, or are left empty. */
	private static void agree(Cells c, PlannedObjective first, PlannedObjective later) {
		for (var field : List.of("team", "owner", "parent", "level", "commitment")) {
			var text = c.text(field);
			if (text == null) {
				continue;
			}
			var expected = switch (field) {
				case "team" -> first.team();
				case "owner" -> first.owner();
				case "parent" -> first.parent();
				case "level" -> first.level().name();
				default -> first.commitment().name();
			};
			var value = switch (field) {
				case "level" -> later.level().name();
				case "commitment" -> later.commitment().name();
				default -> text;
			};
			if (!value.equals(expected)) {
				c.problem(field, Quoted.of(text) + " differs from row " + first.row() + " (" + Quoted.of(String.valueOf(expected))
						+ ") of the same objective " + Quoted.of(first.title()) + "; its rows must agree");
			}
		}
	}

	/** Parents named in the file are linked once written; others are found in Tandem, by title, where the cycle may align. */
	private void resolveParents(Map<String, Planned> plan, long cycle, List<ImportProblem> problems) {
		for (var planned : plan.values()) {
			var parent = planned.objective.parent();
			if (parent == null || plan.containsKey(normal(parent))) {
				if (parent != null && normal(parent).equals(normal(planned.objective.title()))) {
					problems.add(new ImportProblem(planned.objective.row(), "parent", "an objective cannot be its own parent"));
					planned.writable = false;
				}
				continue;
			}
			var found = objectives.search(parent, cycle, null, 50).stream()
				.filter(o -> normal(o.title()).equals(normal(parent))).toList();
			if (found.size() > 1) {
				var inCycle = found.stream().filter(o -> o.cycleId() == cycle).toList();
				found = inCycle.size() == 1 ? inCycle : found;
			}
			if (found.isEmpty()) {
				problems.add(new ImportProblem(planned.objective.row(), "parent", "no objective " + Quoted.of(parent)
						+ " is in the file or in Tandem where this cycle may align to it"));
				planned.writable = false;
			}
			else if (found.size() > 1) {
				problems.add(new ImportProblem(planned.objective.row(), "parent", found.size() + " objectives are called "
						+ Quoted.of(parent) + " (teams " + String.join(", ", found.stream().map(o -> o.team()).toList())
						+ "); rename one so the parent is clear"));
				planned.writable = false;
			}
			else {
				planned.parentId = found.get(0).id();
			}
		}
	}

	/** Objectives in an order that puts each parent of the file before its children; a loop of parents is a problem. */
	private static List<String> order(Map<String, Planned> plan, List<ImportProblem> problems) {
		var ordered = new LinkedHashSet<String>();
		for (var title : plan.keySet()) {
			var path = new LinkedHashSet<String>();
			var current = title;
			while (current != null && !ordered.contains(current) && plan.containsKey(current)) {
				if (!path.add(current)) {
					var looped = plan.get(title).objective;
					problems.add(new ImportProblem(looped.row(), "parent", "the parents of " + Quoted.of(looped.title())
							+ " lead back to it; an objective cannot sit above itself"));
					plan.get(title).writable = false;
					break;
				}
				var parent = plan.get(current).objective.parent();
				current = parent == null ? null : normal(parent);
			}
			var chain = new ArrayList<>(path);
			for (int i = chain.size() - 1; i >= 0; i--) {
				ordered.add(chain.get(i));
			}
		}
		return new ArrayList<>(ordered);
	}

	private void write(List<String> order, Map<String, Planned> plan, long cycle, ImportRun.Attempts attempts,
			List<ImportProblem> problems) {
		for (var title : order) {
			var planned = plan.get(title);
			var o = planned.objective;
			if (!planned.writable) {
				continue;
			}
			Long parentId = planned.parentId;
			if (o.parent() != null && plan.containsKey(normal(o.parent()))) {
				var parent = plan.get(normal(o.parent())).objective;
				if (parent.id() == null) {
					problems.add(new ImportProblem(o.row(), "parent", "not written: its parent " + Quoted.of(parent.title())
							+ " (row " + parent.row() + ") has problems"));
					continue;
				}
				parentId = parent.id();
			}
			var input = new ObjectiveInput(cycle, o.team(), o.owner(), o.title(), null, o.level(), parentId, null,
					o.commitment(), null, null);
			var created = attempts.attempt(o.row(), OkrSheetImport::objectiveColumn, () -> objectives.create(input));
			if (created == null) {
				continue;
			}
			planned.objective = withId(o, created.id());
			for (int i = 0; i < planned.keyResults.size(); i++) {
				var kr = planned.keyResults.get(i);
				if (!planned.accepted.contains(kr)) {
					continue;
				}
				var krInput = new KeyResultInput(kr.title(), kr.type(), kr.owner(), kr.weight(), kr.baseline(), kr.target(),
						kr.unit(), kr.kpi(), null);
				var written = attempts.attempt(kr.row(), OkrSheetImport::keyResultColumn,
						() -> keyResults.create(created.id(), krInput));
				if (written != null) {
					planned.keyResults.set(i, new PlannedKeyResult(kr.row(), kr.objective(), kr.title(), kr.type(), kr.owner(),
							kr.baseline(), kr.target(), kr.unit(), kr.kpi(), kr.weight(), written.id()));
				}
			}
		}
	}

	private static PlannedObjective withId(PlannedObjective o, long id) {
		return new PlannedObjective(o.row(), o.title(), o.level(), o.team(), o.owner(), o.parent(), o.commitment(), id);
	}

	private static String objectiveColumn(String field) {
		return switch (field) {
			case "title" -> "objective";
			case "parentId", "contributesTo" -> "parent";
			case "cycle" -> "cycle";
			default -> KpiSheetImport.column(field);
		};
	}

	private static String keyResultColumn(String field) {
		return switch (field) {
			case "title" -> "key_result";
			case "owner" -> "kr_owner";
			default -> KpiSheetImport.column(field);
		};
	}

	private static Report report(SheetTable sheet, long cycle, Map<String, Planned> plan, ColumnMap columns,
			List<ImportProblem> problems, boolean dryRun, boolean imported) {
		var objectives = new ArrayList<PlannedObjective>();
		var keyResults = new ArrayList<PlannedKeyResult>();
		var kpiKeys = new LinkedHashSet<String>();
		var links = new ArrayList<Link>();
		for (var planned : plan.values()) {
			var o = planned.objective;
			objectives.add(imported ? o : withoutId(o));
			if (o.parent() != null) {
				links.add(new Link(o.row(), "parent", o.title(), o.parent()));
			}
			for (var kr : planned.keyResults) {
				keyResults.add(imported ? kr : new PlannedKeyResult(kr.row(), kr.objective(), kr.title(), kr.type(),
						kr.owner(), kr.baseline(), kr.target(), kr.unit(), kr.kpi(), kr.weight(), null));
				if (kr.kpi() != null) {
					kpiKeys.add(kr.kpi());
					links.add(new Link(kr.row(), "kpi", kr.title(), kr.kpi()));
				}
			}
		}
		return new Report(dryRun, imported, sheet.format(), cycle, objectives, keyResults, List.copyOf(kpiKeys), links,
				columns.ignored(), columns.columns(), problems);
	}

	private static PlannedObjective withoutId(PlannedObjective o) {
		return new PlannedObjective(o.row(), o.title(), o.level(), o.team(), o.owner(), o.parent(), o.commitment(), null);
	}

	private static String normal(String title) {
		return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}
}
