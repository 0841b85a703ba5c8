package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.tandem.problem.FieldProblem;

class KpiDefinitionRulesTests {

	/** A valid LAGGING threshold KPI counted in units, with no drivers and no seasonal thresholds. */
	static Definition definition() {
		return new Definition();
	}

	static final class Definition {

		String key = "revenue";
		Unit unit = Unit.COUNT;
		String currency;
		Double min;
		Double max;
		Indicator indicator = Indicator.LAGGING;
		List<String> drivers;
		Shape shape = Shape.THRESHOLD;
		Thresholds thresholds = Thresholds.threshold(Direction.HIGHER_IS_BETTER, 90, 80);
		List<KpiDefinition.PeriodThresholds> byPeriod = new ArrayList<>();

		Definition unit(Unit unit, String currency) {
			this.unit = unit;
			this.currency = currency;
			return this;
		}

		Definition range(Double min, Double max) {
			this.min = min;
			this.max = max;
			return this;
		}

		Definition indicator(Indicator indicator) {
			this.indicator = indicator;
			return this;
		}

		Definition drivers(String... keys) {
			this.drivers = List.of(keys);
			return this;
		}

		Definition shape(Shape shape, Thresholds thresholds) {
			this.shape = shape;
			this.thresholds = thresholds;
			return this;
		}

		Definition from(String from, Thresholds t) {
			byPeriod.add(new KpiDefinition.PeriodThresholds(LocalDate.parse(from), t.direction(), t.target(),
					t.warning(), t.lower(), t.upper(), t.tolerance(), t.baseline(), t.baselineDate(), t.targetDate()));
			return this;
		}

		KpiDefinition build() {
			var t = thresholds;
			return new KpiDefinition(key, "Revenue", null, "sales", "ana", unit, currency, min, max, "sum of invoices",
					Source.MANUAL, Frequency.MONTHLY, Aggregation.SUM, "financial", indicator, drivers, shape,
					t.direction(), t.target(), t.warning(), t.lower(), t.upper(), t.tolerance(), t.baseline(),
					t.baselineDate(), t.targetDate(), byPeriod, null);
		}

		List<FieldProblem> problems(Map<String, Kpi> existing) {
			return KpiDefinitionRules.problems(build(), existing);
		}

		List<FieldProblem> problems() {
			return problems(Map.of());
		}
	}

	static Kpi existing(String key, Indicator indicator) {
		return KpiFixtures.higherIsBetter(1, 0).key(key).indicator(indicator).build();
	}

	@Test
	void aWellFormedDefinitionHasNoProblems() {
		assertThat(definition().problems()).isEmpty();
	}

	@Test
	void thresholdProblemsAreReportedWithoutPrefix() {
		var problems = definition().shape(Shape.THRESHOLD, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 80, 90))
			.problems();

		assertThat(problems).extracting(FieldProblem::field).containsExactly("warning");
	}

	@Test
	void theShapeDecidesWhichFieldsAreNeeded() {
		var problems = definition().shape(Shape.BAND, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 90, 80)).problems();

		assertThat(problems).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("lower", "upper", "direction", "target", "warning");
	}

	@Test
	void withoutAShapeThereIsNothingToCheckTheThresholdsAgainst() {
		assertThat(definition().shape(null, Thresholds.band(20, 10, -1)).problems()).isEmpty();
	}

	@Nested
	class Currency {

		@Test
		void aCurrencyUnitNeedsACurrency() {
			assertThat(definition().unit(Unit.CURRENCY, null).problems())
				.containsExactly(new FieldProblem("currency", "is required when the unit is CURRENCY"));
		}

		@Test
		void aCurrencyUnitWithAnIsoCodeIsFine() {
			assertThat(definition().unit(Unit.CURRENCY, "EUR").problems()).isEmpty();
			assertThat(definition().unit(Unit.CURRENCY, "JPY").problems()).isEmpty();
		}

		@Test
		void otherUnitsTakeNoCurrency() {
			for (var unit : List.of(Unit.COUNT, Unit.PERCENT, Unit.DURATION, Unit.RATIO, Unit.SCORE)) {
				assertThat(definition().unit(unit, "EUR").problems()).as(unit.name())
					.containsExactly(new FieldProblem("currency", "is only used when the unit is CURRENCY; leave it out"));
			}
			assertThat(definition().unit(Unit.PERCENT, null).problems()).isEmpty();
		}

		@Test
		void aCodeThatLooksRightMustStillBeAnIsoCurrency() {
			assertThat(definition().unit(Unit.CURRENCY, "QQQ").problems())
				.containsExactly(new FieldProblem("currency", "'QQQ' is not an ISO 4217 currency code"));
		}
	}

	@Nested
	class Drivers {

		final Map<String, Kpi> existing = Map.of(
				"visits", existing("visits", Indicator.LEADING),
				"demos", existing("demos", Indicator.LEADING),
				"churn", KpiFixtures.higherIsBetter(1, 0).key("churn").name("Monthly churn").indicator(Indicator.LAGGING).build(),
				"revenue", existing("revenue", Indicator.LEADING));

		@Test
		void aLaggingKpiNamesExistingLeadingDrivers() {
			assertThat(definition().drivers("visits", "demos").problems(existing)).isEmpty();
			assertThat(definition().drivers().problems(existing)).isEmpty();
		}

		@Test
		void noDriversAtAllIsFine() {
			assertThat(definition().problems(existing)).isEmpty();
		}

		@Test
		void onlyALaggingKpiHasDrivers() {
			assertThat(definition().indicator(Indicator.LEADING).drivers("visits").problems(existing))
				.containsExactly(new FieldProblem("drivers", "only a LAGGING KPI names the leading KPIs that drive it"));
			assertThat(definition().indicator(Indicator.LEADING).problems(existing)).isEmpty();
		}

		@Test
		void aDriverMustExist() {
			assertThat(definition().drivers("visits", "nope").problems(existing))
				.containsExactly(new FieldProblem("drivers[1]", "no KPI 'nope' exists"));
		}

		@Test
		void aDriverMustBeLeading() {
			assertThat(definition().drivers("churn").problems(existing))
				.containsExactly(new FieldProblem("drivers[0]", "'churn' (Monthly churn) is a LAGGING KPI; drivers are leading KPIs"));
		}

		@Test
		void aKpiCannotDriveItself() {
			// even though a leading KPI with the same key is in the map (say, the stored version of itself)
			assertThat(definition().drivers("revenue").problems(existing))
				.containsExactly(new FieldProblem("drivers[0]", "a KPI cannot drive itself"));
		}

		@Test
		void aDriverIsNamedOnlyOnce() {
			assertThat(definition().drivers("visits", "demos", "visits").problems(existing))
				.containsExactly(new FieldProblem("drivers[2]", "'visits' is named twice"));
		}

		@Test
		void everyBadDriverIsReported() {
			assertThat(definition().drivers("nope", "churn", "nope", "revenue").problems(existing))
				.containsExactly(new FieldProblem("drivers[0]", "no KPI 'nope' exists"),
						new FieldProblem("drivers[1]", "'churn' (Monthly churn) is a LAGGING KPI; drivers are leading KPIs"),
						new FieldProblem("drivers[2]", "'nope' is named twice"),
						new FieldProblem("drivers[3]", "a KPI cannot drive itself"));
		}
	}

	@Nested
	class ThresholdsByPeriod {

		@Test
		void distinctStartDatesAreFine() {
			var problems = definition().from("2026-06-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40))
				.from("2026-12-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 95, 85))
				.problems();

			assertThat(problems).isEmpty();
		}

		@Test
		void twoEntriesMayNotStartOnTheSameDay() {
			var problems = definition().from("2026-06-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40))
				.from("2026-12-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 95, 85))
				.from("2026-06-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 60, 50))
				.problems();

			assertThat(problems).containsExactly(
					new FieldProblem("thresholdsByPeriod[2].from", "another entry already starts on 2026-06-01"));
		}

		@Test
		void eachEntryIsCheckedForTheKpisShapeUnderItsOwnName() {
			var problems = definition().from("2026-06-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40))
				.from("2026-12-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 85, 95))
				.from("2027-01-01", Thresholds.band(1, 2, 0))
				.problems();

			assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder(
					"thresholdsByPeriod[1].warning", "thresholdsByPeriod[2].direction", "thresholdsByPeriod[2].target",
					"thresholdsByPeriod[2].warning", "thresholdsByPeriod[2].lower", "thresholdsByPeriod[2].upper",
					"thresholdsByPeriod[2].tolerance");
		}

		@Test
		void anAbsurdStartDateIsReported() {
			var problems = definition().from("1850-01-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40))
				.problems();

			assertThat(problems).containsExactly(
					new FieldProblem("thresholdsByPeriod[0].from", "must lie between 1900-01-01 and 2200-12-31"));
		}
	}

	@Nested
	class Range {

		@Test
		void minMustBeBelowMax() {
			assertThat(definition().range(5.0, 5.0).problems()).containsExactly(new FieldProblem("max",
					"must be above min (5); leave either out for a range open at that end"));
			assertThat(definition().range(10.0, 1.0).problems()).extracting(FieldProblem::field).containsExactly("max");
			assertThat(definition().range(0.0, 1000.0).problems()).isEmpty();
		}

		@Test
		void eitherEndMayBeOpen() {
			assertThat(definition().range(null, 1000.0).problems()).isEmpty();
			assertThat(definition().range(50.0, null).problems()).isEmpty();
			assertThat(definition().range(95.0, null).problems()).extracting(FieldProblem::field)
				.containsExactly("target", "warning");
		}

		@Test
		void aThresholdOnTheBoundIsInside() {
			assertThat(definition().unit(Unit.PERCENT, null)
				.shape(Shape.THRESHOLD, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 100, 0))
				.problems()).isEmpty();
		}

		@Test
		void aThresholdOutsideTheUnitsRangeSaysHowToWidenIt() {
			var problems = definition().unit(Unit.PERCENT, null)
				.shape(Shape.THRESHOLD, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 120, 90))
				.problems();

			assertThat(problems).containsExactly(new FieldProblem("target",
					"is outside the values this KPI can take (a percent is 0 to 100 unless min and max say otherwise);"
							+ " change it, or set min and max to the range the metric really has"));
			assertThat(definition().unit(Unit.COUNT, null)
				.shape(Shape.BAND, Thresholds.band(-5, 10, 1))
				.problems()).extracting(FieldProblem::field).containsExactly("lower");
		}

		@Test
		void aGrowthRateInPercentMayBeNegativeWithAnExplicitRange() {
			var growth = Thresholds.threshold(Direction.HIGHER_IS_BETTER, 150, -20);
			assertThat(definition().unit(Unit.PERCENT, null).shape(Shape.THRESHOLD, growth).problems())
				.extracting(FieldProblem::field).containsExactly("target", "warning");
			assertThat(definition().unit(Unit.PERCENT, null).range(-100.0, null).shape(Shape.THRESHOLD, growth).problems())
				.isEmpty();
			assertThat(definition().unit(Unit.PERCENT, null).range(-10.0, 120.0).shape(Shape.THRESHOLD, growth).problems())
				.containsExactly(
						new FieldProblem("target", "is outside the values this KPI can take (the KPI's min and max allow"
								+ " -10 to 120); change it, or set min and max to the range the metric really has"),
						new FieldProblem("warning", "is outside the values this KPI can take (the KPI's min and max allow"
								+ " -10 to 120); change it, or set min and max to the range the metric really has"));
		}

		@Test
		void seasonalThresholdsStayInsideTooUnderTheirOwnNames() {
			var problems = definition().range(0.0, 100.0)
				.from("2026-06-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 50, 40))
				.from("2026-12-01", Thresholds.threshold(Direction.HIGHER_IS_BETTER, 110, 85))
				.problems();

			assertThat(problems).extracting(FieldProblem::field).containsExactly("thresholdsByPeriod[1].target");
		}

		@Test
		void aTrajectorysBaselineCounts() {
			var problems = definition().unit(Unit.DURATION, null)
				.shape(Shape.TRAJECTORY, Thresholds.trajectory(Direction.HIGHER_IS_BETTER, -1, LocalDate.parse("2026-01-01"),
						5, LocalDate.parse("2026-12-31")))
				.problems();

			assertThat(problems).extracting(FieldProblem::field).containsExactly("baseline");
		}
	}
}
