package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tandem.problem.FieldProblem;

class ThresholdsTests {

	static final LocalDate START = LocalDate.of(2026, 1, 1);

	static final LocalDate END = LocalDate.of(2026, 12, 31);

	static final Thresholds HIGHER = Thresholds.threshold(Direction.HIGHER_IS_BETTER, 90, 80);

	static final Thresholds LOWER = Thresholds.threshold(Direction.LOWER_IS_BETTER, 2, 5);

	static final Thresholds BAND = Thresholds.band(10, 20, 2);

	static final Thresholds GROWING = Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 100, START, 200, END);

	static final Thresholds SHRINKING = Thresholds.trajectory(Direction.LOWER_IS_BETTER, 200, START, 100, END);

	static List<FieldProblem> problems(Thresholds thresholds, Shape shape) {
		return thresholds.problems(shape, "");
	}

	static FieldProblem required(String field) {
		return new FieldProblem(field, "is required for this shape");
	}

	static FieldProblem notUsed(String field, Shape shape) {
		return new FieldProblem(field, "is not used by a " + shape + " KPI; leave it out");
	}

	/** A copy with one field set (or cleared, with null). */
	static Thresholds with(Thresholds t, String field, Object value) {
		return new Thresholds(
				field.equals("direction") ? (Direction) value : t.direction(),
				field.equals("target") ? (Double) value : t.target(),
				field.equals("warning") ? (Double) value : t.warning(),
				field.equals("lower") ? (Double) value : t.lower(),
				field.equals("upper") ? (Double) value : t.upper(),
				field.equals("tolerance") ? (Double) value : t.tolerance(),
				field.equals("baseline") ? (Double) value : t.baseline(),
				field.equals("baselineDate") ? (LocalDate) value : t.baselineDate(),
				field.equals("targetDate") ? (LocalDate) value : t.targetDate());
	}

	/** Some valid value for a field, for setting a field another shape does not use. */
	static Object sample(String field) {
		return switch (field) {
			case "direction" -> Direction.HIGHER_IS_BETTER;
			case "baselineDate", "targetDate" -> START;
			default -> 1.0;
		};
	}

	@Test
	void wellFormedThresholdsHaveNoProblems() {
		assertThat(problems(HIGHER, Shape.THRESHOLD)).isEmpty();
		assertThat(problems(LOWER, Shape.THRESHOLD)).isEmpty();
		assertThat(problems(BAND, Shape.BAND)).isEmpty();
		assertThat(problems(Thresholds.band(-5, 5, 0), Shape.BAND)).isEmpty();
		assertThat(problems(KpiFixtures.bandThresholds(10, 20, null), Shape.BAND)).as("tolerance is optional").isEmpty();
		assertThat(problems(GROWING, Shape.TRAJECTORY)).isEmpty();
		assertThat(problems(SHRINKING, Shape.TRAJECTORY)).isEmpty();
		assertThat(problems(with(GROWING, "tolerance", 5.0), Shape.TRAJECTORY)).isEmpty();
	}

	@Test
	void everyProblemIsNamedWithThePrefix() {
		var problems = new Thresholds(null, null, null, null, null, null, null, null, null)
			.problems(Shape.THRESHOLD, "thresholdsByPeriod[3].");

		assertThat(problems).extracting(FieldProblem::field)
			.containsExactly("thresholdsByPeriod[3].direction", "thresholdsByPeriod[3].target",
					"thresholdsByPeriod[3].warning");
	}

	@Nested
	class ThresholdShape {

		@ParameterizedTest
		@ValueSource(strings = { "direction", "target", "warning" })
		void requires(String field) {
			assertThat(problems(with(HIGHER, field, null), Shape.THRESHOLD)).containsExactly(required(field));
		}

		@ParameterizedTest
		@ValueSource(strings = { "lower", "upper", "tolerance", "baseline", "baselineDate", "targetDate" })
		void forbidsTheOtherShapesFields(String field) {
			assertThat(problems(with(HIGHER, field, sample(field)), Shape.THRESHOLD))
				.containsExactly(notUsed(field, Shape.THRESHOLD));
		}

		@ParameterizedTest(name = "higher is better, target 90, warning {0}")
		@ValueSource(doubles = { 90, 90.0001, 100 })
		void higherIsBetterNeedsTheWarningBelowTheTarget(double warning) {
			assertThat(problems(Thresholds.threshold(Direction.HIGHER_IS_BETTER, 90, warning), Shape.THRESHOLD))
				.containsExactly(new FieldProblem("warning",
						"must be below the target when higher is better (amber lies between warning and target)"));
		}

		@ParameterizedTest(name = "lower is better, target 2, warning {0}")
		@ValueSource(doubles = { 2, 1.9999, -5 })
		void lowerIsBetterNeedsTheWarningAboveTheTarget(double warning) {
			assertThat(problems(Thresholds.threshold(Direction.LOWER_IS_BETTER, 2, warning), Shape.THRESHOLD))
				.containsExactly(new FieldProblem("warning",
						"must be above the target when lower is better (amber lies between target and warning)"));
		}

		@Test
		void aMissingFieldIsNotAlsoReportedAsOnTheWrongSide() {
			assertThat(problems(with(HIGHER, "target", null), Shape.THRESHOLD)).extracting(FieldProblem::field)
				.containsExactly("target");
		}
	}

	@Nested
	class BandShape {

		@ParameterizedTest
		@ValueSource(strings = { "lower", "upper" })
		void requires(String field) {
			assertThat(problems(with(BAND, field, null), Shape.BAND)).containsExactly(required(field));
		}

		@ParameterizedTest
		@ValueSource(strings = { "direction", "target", "warning", "baseline", "baselineDate", "targetDate" })
		void forbidsTheOtherShapesFields(String field) {
			assertThat(problems(with(BAND, field, sample(field)), Shape.BAND)).containsExactly(notUsed(field, Shape.BAND));
		}

		@ParameterizedTest(name = "lower {0}, upper {1}")
		@CsvSource({ "20, 20", "20, 10", "0, -0.001" })
		void lowerMustBeBelowUpper(double lower, double upper) {
			assertThat(problems(Thresholds.band(lower, upper, 0), Shape.BAND))
				.containsExactly(new FieldProblem("upper", "must be greater than lower"));
		}

		@Test
		void toleranceMustNotBeNegative() {
			assertThat(problems(Thresholds.band(10, 20, -0.5), Shape.BAND))
				.containsExactly(new FieldProblem("tolerance", "must not be negative"));
			assertThat(problems(Thresholds.band(10, 20, 0), Shape.BAND)).isEmpty();
		}

		@Test
		void bandToleranceDefaultsToZero() {
			assertThat(KpiFixtures.bandThresholds(10, 20, null).bandTolerance()).isZero();
			assertThat(BAND.bandTolerance()).isEqualTo(2.0);
		}
	}

	@Nested
	class TrajectoryShape {

		@ParameterizedTest
		@ValueSource(strings = { "direction", "baseline", "baselineDate", "target", "targetDate" })
		void requires(String field) {
			assertThat(problems(with(GROWING, field, null), Shape.TRAJECTORY)).containsExactly(required(field));
		}

		@ParameterizedTest
		@ValueSource(strings = { "warning", "lower", "upper" })
		void forbidsTheOtherShapesFields(String field) {
			assertThat(problems(with(GROWING, field, sample(field)), Shape.TRAJECTORY))
				.containsExactly(notUsed(field, Shape.TRAJECTORY));
		}

		@Test
		void toleranceMustNotBeNegative() {
			assertThat(problems(with(GROWING, "tolerance", -1.0), Shape.TRAJECTORY))
				.containsExactly(new FieldProblem("tolerance", "must not be negative"));
			assertThat(problems(with(GROWING, "tolerance", 0.0), Shape.TRAJECTORY)).isEmpty();
		}

		@ParameterizedTest(name = "baseline date {0}, target date {1}")
		@CsvSource({ "2026-06-01, 2026-06-01", "2026-06-02, 2026-06-01", "2027-01-01, 2026-01-01" })
		void theTargetDateMustComeAfterTheBaselineDate(LocalDate baselineDate, LocalDate targetDate) {
			var t = Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 100, baselineDate, 200, targetDate);

			assertThat(problems(t, Shape.TRAJECTORY)).containsExactly(new FieldProblem("targetDate", "must be after baselineDate"));
		}

		@Test
		void aTargetDateOneDayAfterTheBaselineDateIsFine() {
			assertThat(problems(Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 100, START, 200, START.plusDays(1)),
					Shape.TRAJECTORY)).isEmpty();
		}

		@ParameterizedTest(name = "higher is better from 100 to {0}")
		@ValueSource(doubles = { 100, 99.99, 0, -100 })
		void growingTargetMustBeAboveTheBaseline(double target) {
			assertThat(problems(Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 100, START, target, END), Shape.TRAJECTORY))
				.containsExactly(new FieldProblem("target", "must be above the baseline when higher is better"));
		}

		@ParameterizedTest(name = "lower is better from 100 to {0}")
		@ValueSource(doubles = { 100, 100.01, 1000 })
		void shrinkingTargetMustBeBelowTheBaseline(double target) {
			assertThat(problems(Thresholds.trajectory(Direction.LOWER_IS_BETTER, 100, START, target, END), Shape.TRAJECTORY))
				.containsExactly(new FieldProblem("target", "must be below the baseline when lower is better"));
		}

		@Test
		void expectedValueIsInterpolatedByDayAndHeldFlatOutside() {
			var t = Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 100, START, 200, START.plusDays(100));

			assertThat(t.expectedAt(START.minusYears(1))).isEqualTo(100.0);
			assertThat(t.expectedAt(START)).isEqualTo(100.0);
			assertThat(t.expectedAt(START.plusDays(30))).isCloseTo(130.0, within(1e-9));
			assertThat(t.expectedAt(START.plusDays(100))).isEqualTo(200.0);
			assertThat(t.expectedAt(START.plusYears(3))).isEqualTo(200.0);
		}

		@Test
		void expectedValueOfADecreasingTrajectory() {
			var t = Thresholds.trajectory(Direction.LOWER_IS_BETTER, 50, START, 10, START.plusDays(40));

			assertThat(t.expectedAt(START.plusDays(10))).isCloseTo(40.0, within(1e-9));
			assertThat(t.expectedAt(START.plusDays(39))).isCloseTo(11.0, within(1e-9));
		}

		@Test
		void defaultToleranceIsATenthOfTheDistance() {
			assertThat(GROWING.trajectoryTolerance()).isEqualTo(10.0);
			assertThat(SHRINKING.trajectoryTolerance()).isEqualTo(10.0);
			assertThat(with(GROWING, "tolerance", 3.0).trajectoryTolerance()).isEqualTo(3.0);
			assertThat(with(GROWING, "tolerance", 0.0).trajectoryTolerance()).isZero();
		}
	}

	@Nested
	class Numbers {

		@ParameterizedTest(name = "{0} = {1}")
		@CsvSource({ "target, NaN", "target, Infinity", "target, -Infinity", "warning, NaN", "warning, -Infinity" })
		void thresholdNumbersMustBeFinite(String field, double value) {
			assertThat(problems(with(HIGHER, field, value), Shape.THRESHOLD))
				.contains(new FieldProblem(field, "must be a finite number"));
		}

		@ParameterizedTest(name = "{0} = {1}")
		@CsvSource({ "lower, NaN", "lower, -Infinity", "upper, Infinity", "upper, NaN", "tolerance, NaN",
				"tolerance, Infinity" })
		void bandNumbersMustBeFinite(String field, double value) {
			assertThat(problems(with(BAND, field, value), Shape.BAND)).contains(new FieldProblem(field, "must be a finite number"));
		}

		@ParameterizedTest(name = "{0} = {1}")
		@CsvSource({ "baseline, NaN", "baseline, -Infinity", "target, Infinity", "target, NaN", "tolerance, Infinity" })
		void trajectoryNumbersMustBeFinite(String field, double value) {
			assertThat(problems(with(GROWING, field, value), Shape.TRAJECTORY))
				.contains(new FieldProblem(field, "must be a finite number"));
		}
	}

	@Nested
	class Dates {

		static final String RANGE = "must lie between 1900-01-01 and 2200-12-31";

		@ParameterizedTest(name = "baseline date {0}")
		@ValueSource(strings = { "1899-12-31", "0001-01-01", "-0500-01-01" })
		void baselineDatesBefore1900AreAbsurd(LocalDate baselineDate) {
			assertThat(problems(with(GROWING, "baselineDate", baselineDate), Shape.TRAJECTORY))
				.containsExactly(new FieldProblem("baselineDate", RANGE));
		}

		@ParameterizedTest(name = "target date {0}")
		@ValueSource(strings = { "2201-01-01", "9999-12-31", "+100000-01-01" })
		void targetDatesAfter2200AreAbsurd(LocalDate targetDate) {
			assertThat(problems(with(GROWING, "targetDate", targetDate), Shape.TRAJECTORY))
				.containsExactly(new FieldProblem("targetDate", RANGE));
		}

		@Test
		void theLimitsThemselvesAreFine() {
			var t = Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 1, LocalDate.of(1900, 1, 1), 2,
					LocalDate.of(2200, 12, 31));

			assertThat(problems(t, Shape.TRAJECTORY)).isEmpty();
		}

		@Test
		void bothDatesAbsurdAndOutOfOrderAreAllReported() {
			var t = Thresholds.trajectory(Direction.HIGHER_IS_BETTER, 1, LocalDate.of(2300, 1, 1), 2,
					LocalDate.of(1800, 1, 1));

			assertThat(problems(t, Shape.TRAJECTORY)).containsExactlyInAnyOrder(
					new FieldProblem("targetDate", "must be after baselineDate"), new FieldProblem("baselineDate", RANGE),
					new FieldProblem("targetDate", RANGE));
		}
	}
}
