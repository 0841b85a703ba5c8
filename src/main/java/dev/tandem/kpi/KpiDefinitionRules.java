package dev.tandem.kpi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;

/** The rules that tie a definition's fields together, beyond what each field says alone. */
final class KpiDefinitionRules {

	private KpiDefinitionRules() {
	}

	/** Problems with the definition; {@code drivers} holds the named driver KPIs that exist, by key. */
	static List<FieldProblem> problems(KpiDefinition d, Map<String, Kpi> drivers) {
		var problems = new ArrayList<FieldProblem>();
		if (d.shape() != null) {
			problems.addAll(d.thresholds().problems(d.shape(), ""));
		}
		if (d.unit() == Unit.CURRENCY && d.currency() == null) {
			problems.add(new FieldProblem("currency", "is required when the unit is CURRENCY"));
		}
		if (d.unit() != null && d.unit() != Unit.CURRENCY && d.currency() != null) {
			problems.add(new FieldProblem("currency", "is only used when the unit is CURRENCY; leave it out"));
		}
		if (d.currency() != null && d.currency().matches("^[A-Z]{3}$")) {
			try {
				java.util.Currency.getInstance(d.currency());
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem("currency", Quoted.of(d.currency()) + " is not an ISO 4217 currency code"));
			}
		}
		driverProblems(d, drivers, problems);
		periodProblems(d, problems);
		rangeProblems(d, problems);
		return problems;
	}

	/**
	 * A range of at least two values (min below max), and every threshold, own and seasonal,
	 * inside the range in force: a target the metric cannot reach would be forecast as never
	 * reached, and a KPI whose unit implies the range is told how to widen it.
	 */
	private static void rangeProblems(KpiDefinition d, List<FieldProblem> problems) {
		boolean infinite = false;
		for (var end : new Object[][] { { "min", d.min() }, { "max", d.max() } }) {
			var value = (Double) end[1];
			if (value != null && !Double.isFinite(value)) {
				problems.add(new FieldProblem((String) end[0], "must be a finite number; leave it out for no bound at that end"));
				infinite = true;
			}
		}
		if (infinite) {
			return;
		}
		if (d.min() != null && d.max() != null && !(d.min() < d.max())) {
			problems.add(new FieldProblem("max", "must be above min (" + KpiFormat.number(d.min())
					+ "); leave either out for a range open at that end"));
			return;
		}
		var range = ValueRange.of(d.unit(), d.min(), d.max());
		problems.addAll(outsideRange(range, d.min() == null && d.max() == null ? d.unit() : null, d.thresholds(), ""));
		var entries = d.thresholdsByPeriod() == null ? List.<KpiDefinition.PeriodThresholds>of() : d.thresholdsByPeriod();
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i) != null) {
				problems.addAll(outsideRange(range, d.min() == null && d.max() == null ? d.unit() : null,
						entries.get(i).thresholds(), "thresholdsByPeriod[" + i + "]."));
			}
		}
	}

	/**
	 * The threshold values (target, warning, bounds, baseline) outside {@code range}, each named
	 * with {@code prefix}; {@code defaultFrom} is the unit the range comes from when the KPI sets
	 * none, for a message that says how to widen it.
	 */
	static List<FieldProblem> outsideRange(ValueRange range, Unit defaultFrom, Thresholds t, String prefix) {
		var problems = new ArrayList<FieldProblem>();
		var values = new LinkedHashMap<String, Double>();
		values.put("target", t.target());
		values.put("warning", t.warning());
		values.put("lower", t.lower());
		values.put("upper", t.upper());
		values.put("baseline", t.baseline());
		values.forEach((field, value) -> {
			if (value != null && !range.contains(value)) {
				var why = defaultFrom == null ? "the KPI's min and max allow " + range.describe()
						: "a " + KpiFormat.words(defaultFrom).toLowerCase(java.util.Locale.ROOT) + " is " + range.describe()
								+ " unless min and max say otherwise";
				problems.add(new FieldProblem(prefix + field, "is outside the values this KPI can take (" + why
						+ "); change it, or set min and max to the range the metric really has"));
			}
		});
		return problems;
	}

	private static void driverProblems(KpiDefinition d, Map<String, Kpi> drivers, List<FieldProblem> problems) {
		var named = d.drivers() == null ? List.<String>of() : d.drivers();
		if (!named.isEmpty() && d.indicator() == Indicator.LEADING) {
			problems.add(new FieldProblem("drivers", "only a LAGGING KPI names the leading KPIs that drive it"));
		}
		var seen = new HashSet<String>();
		for (int i = 0; i < named.size(); i++) {
			var key = named.get(i);
			var field = "drivers[" + i + "]";
			if (!seen.add(key)) {
				problems.add(new FieldProblem(field, Quoted.of(key) + " is named twice"));
			}
			else if (key.equals(d.key())) {
				problems.add(new FieldProblem(field, "a KPI cannot drive itself"));
			}
			else if (!drivers.containsKey(key)) {
				problems.add(new FieldProblem(field, "no KPI " + Quoted.of(key) + " exists"));
			}
			else if (drivers.get(key).indicator() != Indicator.LEADING) {
				problems.add(new FieldProblem(field, Quoted.named(key, drivers.get(key).name())
						+ " is a LAGGING KPI; drivers are leading KPIs"));
			}
		}
	}

	private static void periodProblems(KpiDefinition d, List<FieldProblem> problems) {
		var entries = d.thresholdsByPeriod() == null ? List.<KpiDefinition.PeriodThresholds>of() : d.thresholdsByPeriod();
		var froms = new HashSet<java.time.LocalDate>();
		for (int i = 0; i < entries.size(); i++) {
			var entry = entries.get(i);
			var prefix = "thresholdsByPeriod[" + i + "].";
			if (entry.from() != null && !froms.add(entry.from())) {
				problems.add(new FieldProblem(prefix + "from", "another entry already starts on " + entry.from()));
			}
			Thresholds.sensible(problems, prefix, "from", entry.from());
			if (d.shape() != null) {
				problems.addAll(entry.thresholds().problems(d.shape(), prefix));
			}
		}
	}
}
