package dev.tandem.demo;

import java.time.LocalDate;
import java.util.List;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;

/** A compact way to write the demo's KPI definitions: the common fields, then the shape. */
record DemoDefinition(String key, String name, String team, String owner, Unit unit, Frequency frequency,
		Aggregation aggregation, Indicator indicator, String description, String formula, String category,
		List<String> drivers, Source source, String currency) {

	DemoDefinition source(Source other) {
		return new DemoDefinition(key, name, team, owner, unit, frequency, aggregation, indicator, description, formula,
				category, drivers, other, currency);
	}

	DemoDefinition currency(String code) {
		return new DemoDefinition(key, name, team, owner, unit, frequency, aggregation, indicator, description, formula,
				category, drivers, source, code);
	}

	KpiDefinition threshold(Direction direction, double target, double warning) {
		return build(Shape.THRESHOLD, direction, target, warning, null, null, null, null, null, null);
	}

	KpiDefinition band(double lower, double upper, double tolerance) {
		return build(Shape.BAND, null, null, null, lower, upper, tolerance, null, null, null);
	}

	KpiDefinition trajectory(Direction direction, double baseline, LocalDate baselineDate, double target,
			LocalDate targetDate) {
		return build(Shape.TRAJECTORY, direction, target, null, null, null, null, baseline, baselineDate, targetDate);
	}

	private KpiDefinition build(Shape shape, Direction direction, Double target, Double warning, Double lower,
			Double upper, Double tolerance, Double baseline, LocalDate baselineDate, LocalDate targetDate) {
		return new KpiDefinition(key, name, description, team, owner, unit, currency, null, null, formula, source, frequency,
				aggregation, category, indicator, drivers, shape, direction, target, warning, lower, upper, tolerance,
				baseline, baselineDate, targetDate, List.of(), null);
	}
}
