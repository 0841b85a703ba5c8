package dev.tandem.kpi;

import java.util.ArrayList;
import java.util.HashSet;
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
