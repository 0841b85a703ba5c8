package dev.tandem.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.relational.core.mapping.Column;

import dev.tandem.problem.FieldProblem;

/**
 * The fields that judge a KPI, for its shape: a THRESHOLD has a direction, a target and a
 * warning level; a BAND has lower and upper bounds and a tolerance; a TRAJECTORY runs from a
 * baseline on one date to a target on a later one, in a direction, with an optional tolerance
 * (default: a tenth of the distance from baseline to target).
 */
public record Thresholds(Direction direction, Double target, Double warning, @Column("lower_bound") Double lower,
		@Column("upper_bound") Double upper, Double tolerance, Double baseline, LocalDate baselineDate,
		LocalDate targetDate) {

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

	public static Thresholds threshold(Direction direction, double target, double warning) {
		return new Thresholds(direction, target, warning, null, null, null, null, null, null);
	}

	public static Thresholds band(double lower, double upper, double tolerance) {
		return new Thresholds(null, null, null, lower, upper, tolerance, null, null, null);
	}

	public static Thresholds trajectory(Direction direction, double baseline, LocalDate baselineDate, double target,
			LocalDate targetDate) {
		return new Thresholds(direction, target, null, null, null, null, baseline, baselineDate, targetDate);
	}

	/** Everything wrong with these fields for the shape, each named with {@code prefix} (e.g. "thresholdsByPeriod[0]."). */
	List<FieldProblem> problems(Shape shape, String prefix) {
		var problems = new ArrayList<FieldProblem>();
		switch (shape) {
			case THRESHOLD -> {
				require(problems, prefix, "direction", direction);
				require(problems, prefix, "target", target);
				require(problems, prefix, "warning", warning);
				forbid(problems, prefix, shape, "lower", lower, "upper", upper, "tolerance", tolerance, "baseline",
						baseline, "baselineDate", baselineDate, "targetDate", targetDate);
				if (direction != null && target != null && warning != null) {
					if (direction == Direction.HIGHER_IS_BETTER && !(warning < target)) {
						problems.add(new FieldProblem(prefix + "warning",
								"must be below the target when higher is better (amber lies between warning and target)"));
					}
					if (direction == Direction.LOWER_IS_BETTER && !(warning > target)) {
						problems.add(new FieldProblem(prefix + "warning",
								"must be above the target when lower is better (amber lies between target and warning)"));
					}
				}
			}
			case BAND -> {
				require(problems, prefix, "lower", lower);
				require(problems, prefix, "upper", upper);
				forbid(problems, prefix, shape, "direction", direction, "target", target, "warning", warning,
						"baseline", baseline, "baselineDate", baselineDate, "targetDate", targetDate);
				if (lower != null && upper != null && !(lower < upper)) {
					problems.add(new FieldProblem(prefix + "upper", "must be greater than lower"));
				}
				nonNegative(problems, prefix, tolerance);
			}
			case TRAJECTORY -> {
				require(problems, prefix, "direction", direction);
				require(problems, prefix, "baseline", baseline);
				require(problems, prefix, "baselineDate", baselineDate);
				require(problems, prefix, "target", target);
				require(problems, prefix, "targetDate", targetDate);
				forbid(problems, prefix, shape, "warning", warning, "lower", lower, "upper", upper);
				nonNegative(problems, prefix, tolerance);
				if (baselineDate != null && targetDate != null && !baselineDate.isBefore(targetDate)) {
					problems.add(new FieldProblem(prefix + "targetDate", "must be after baselineDate"));
				}
				if (direction != null && baseline != null && target != null
						&& Math.signum(target - baseline) != direction.sign()) {
					problems.add(new FieldProblem(prefix + "target", direction == Direction.HIGHER_IS_BETTER
							? "must be above the baseline when higher is better" : "must be below the baseline when lower is better"));
				}
			}
		}
		finite(problems, prefix, "target", target);
		finite(problems, prefix, "warning", warning);
		finite(problems, prefix, "lower", lower);
		finite(problems, prefix, "upper", upper);
		finite(problems, prefix, "tolerance", tolerance);
		finite(problems, prefix, "baseline", baseline);
		sensible(problems, prefix, "baselineDate", baselineDate);
		sensible(problems, prefix, "targetDate", targetDate);
		return problems;
	}

	/** The green, amber and red ranges these thresholds give a value measured on a day, lowest first. */
	List<HealthZone> zones(Shape shape, LocalDate day) {
		return switch (shape) {
			case THRESHOLD -> ladder(direction, target, warning);
			case BAND -> {
				double tol = bandTolerance();
				var zones = new ArrayList<HealthZone>();
				zones.add(new HealthZone(null, lower - tol, HealthStatus.RED));
				if (tol > 0) {
					zones.add(new HealthZone(lower - tol, lower, HealthStatus.AMBER));
				}
				zones.add(new HealthZone(lower, upper, HealthStatus.GREEN));
				if (tol > 0) {
					zones.add(new HealthZone(upper, upper + tol, HealthStatus.AMBER));
				}
				zones.add(new HealthZone(upper + tol, null, HealthStatus.RED));
				yield zones;
			}
			case TRAJECTORY -> {
				double expected = expectedAt(day);
				yield ladder(direction, expected, expected - direction.sign() * trajectoryTolerance());
			}
		};
	}

	/** Green beyond the target, amber between it and the warning level, red beyond that, in the direction's sense. */
	private static List<HealthZone> ladder(Direction direction, double target, double warning) {
		if (direction == Direction.HIGHER_IS_BETTER) {
			return List.of(new HealthZone(null, warning, HealthStatus.RED),
					new HealthZone(warning, target, HealthStatus.AMBER), new HealthZone(target, null, HealthStatus.GREEN));
		}
		return List.of(new HealthZone(null, target, HealthStatus.GREEN),
				new HealthZone(target, warning, HealthStatus.AMBER), new HealthZone(warning, null, HealthStatus.RED));
	}

	/** For a trajectory: the value expected on a date, interpolated linearly and held flat outside the dates. */
	double expectedAt(LocalDate date) {
		if (!date.isAfter(baselineDate)) {
			return baseline;
		}
		if (!date.isBefore(targetDate)) {
			return target;
		}
		double span = ChronoUnit.DAYS.between(baselineDate, targetDate);
		double elapsed = ChronoUnit.DAYS.between(baselineDate, date);
		return baseline + (target - baseline) * elapsed / span;
	}

	double trajectoryTolerance() {
		return tolerance != null ? tolerance : Math.abs(target - baseline) / 10;
	}

	double bandTolerance() {
		return tolerance == null ? 0 : tolerance;
	}

	private static void require(List<FieldProblem> problems, String prefix, String field, Object value) {
		if (value == null) {
			problems.add(new FieldProblem(prefix + field, "is required for this shape"));
		}
	}

	private static void forbid(List<FieldProblem> problems, String prefix, Shape shape, Object... namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				problems.add(new FieldProblem(prefix + namesAndValues[i], "is not used by a " + shape + " KPI; leave it out"));
			}
		}
	}

	private static void nonNegative(List<FieldProblem> problems, String prefix, Double tolerance) {
		if (tolerance != null && tolerance < 0) {
			problems.add(new FieldProblem(prefix + "tolerance", "must not be negative"));
		}
	}

	private static void finite(List<FieldProblem> problems, String prefix, String field, Double value) {
		if (value != null && !Double.isFinite(value)) {
			problems.add(new FieldProblem(prefix + field, "must be a finite number"));
		}
	}

	static void sensible(List<FieldProblem> problems, String prefix, String field, LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			problems.add(new FieldProblem(prefix + field, "must lie between " + EARLIEST + " and " + LATEST));
		}
	}
}
