package dev.tandem.okr;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;

/**
 * What a key result needs, by type. A METRIC moves from a baseline to a different target (a
 * KPI-linked one may start from the KPI's current value); a MILESTONE has neither, nor a KPI.
 * Weights lie between 0 and 100; 0 means "shown, but not counted in the objective's score".
 */
final class KeyResultRules {

	static final double MAX_WEIGHT = 100;

	private KeyResultRules() {
	}

	/**
	 * Problems with the input; {@code kpiName} and {@code kpiValue} describe the named KPI (its
	 * name is null when there is no such KPI, its current value null while it has no data).
	 */
	static List<FieldProblem> problems(KeyResultInput in, String kpiName, Double kpiValue) {
		boolean kpiExists = kpiName != null;
		var problems = new ArrayList<FieldProblem>();
		var weight = in.weightOrDefault();
		if (!Double.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
			problems.add(new FieldProblem("weight", "must be a number from 0 to " + (int) MAX_WEIGHT));
		}
		if (in.kpi() != null && !kpiExists) {
			problems.add(new FieldProblem("kpi", "no KPI " + Quoted.of(in.kpi()) + " exists"));
		}
		if (in.type() == KeyResultType.MILESTONE) {
			forbid(problems, "baseline", in.baseline());
			forbid(problems, "target", in.target());
			forbid(problems, "kpi", in.kpi());
			forbid(problems, "unit", in.unit());
			return problems;
		}
		finite(problems, "baseline", in.baseline());
		finite(problems, "target", in.target());
		if (in.target() == null) {
			problems.add(new FieldProblem("target", "is required for a METRIC key result"));
		}
		var baseline = baseline(in, kpiValue);
		if (baseline == null && (in.kpi() == null || !kpiExists)) {
			problems.add(new FieldProblem("baseline", "is required for a METRIC key result"));
		}
		else if (baseline == null) {
			problems.add(new FieldProblem("baseline", "is required: the KPI " + Quoted.named(in.kpi(), kpiName)
					+ " has no value yet to start from"));
		}
		else if (in.target() != null && baseline.equals(in.target())) {
			problems.add(new FieldProblem("target", "must differ from the baseline (" + OkrHistory.text(baseline)
					+ "); a key result that only holds a level is a KPI"));
		}
		return problems;
	}

	/** The baseline given, or for a KPI-linked metric without one, the KPI's current value. */
	static Double baseline(KeyResultInput in, Double kpiValue) {
		return in.baseline() != null ? in.baseline() : in.kpi() != null ? kpiValue : null;
	}

	private static void forbid(List<FieldProblem> problems, String field, Object value) {
		if (value != null) {
			problems.add(new FieldProblem(field, "is not used by a MILESTONE key result; leave it out"));
		}
	}

	private static void finite(List<FieldProblem> problems, String field, Double value) {
		if (value != null && !Double.isFinite(value)) {
			problems.add(new FieldProblem(field, "must be a finite number"));
		}
	}
}
