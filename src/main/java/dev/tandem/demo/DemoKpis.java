package dev.tandem.demo;

import static dev.tandem.demo.DemoSeries.ramp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;
import dev.tandem.demo.DemoSeries.Step;

/**
 * The demo's KPIs and their year of history, each telling a story from the seeds: registration
 * uptime collapsing to 50 % against 99 %, time to resolution worsening three months running,
 * a newsletter metric nobody has updated for weeks, and healthy vital signs around them.
 */
final class DemoKpis {

	record Demo(KpiDefinition definition, List<NewMeasurement> history) {
	}

	private final DemoSeries series;
	private final LocalDate today;

	DemoKpis(DemoSeries series, LocalDate today) {
		this.series = series;
		this.today = today;
	}

	List<Demo> all() {
		var all = new ArrayList<Demo>();
		all.add(new Demo(kpi("registration-errors", "Registration errors", "patient-platform", "sam", Unit.COUNT,
				Frequency.DAILY, Aggregation.SUM, Indicator.LEADING, "Failed patient registrations per day.",
				"count of registration requests answered with an error", "operational", List.of())
			.threshold(Direction.LOWER_IS_BETTER, 20, 50),
				series.series("registration-errors", Step.DAY, 365, 1, age -> age > 16 ? 12 : 160 - age * 8, 4, 0)));
		all.add(new Demo(kpi("registration-uptime", "Patient registration uptime", "patient-platform", "sam",
				Unit.PERCENT, Frequency.DAILY, Aggregation.AVERAGE, Indicator.LAGGING,
				"Share of the day in which patients could register online.",
				"minutes the registration service answered health checks / minutes in the day", "customer",
				List.of("registration-errors"))
			.threshold(Direction.HIGHER_IS_BETTER, 99, 97),
				uptime()));
		all.add(new Demo(kpi("first-response-time", "First response time", "customer-support", "priya",
				Unit.DURATION, Frequency.DAILY, Aggregation.AVERAGE, Indicator.LEADING,
				"Hours until a customer hears back from a person.", "mean hours from ticket opened to first reply",
				"customer", List.of())
			.threshold(Direction.LOWER_IS_BETTER, 4, 8),
				series.series("first-response-time", Step.DAY, 365, 0, age -> age > 100 ? 3.2 : 3.2 + (100 - age) * 0.015, 0.4, 1)));
		all.add(new Demo(kpi("time-to-resolution", "Time to resolution", "customer-support", "priya", Unit.DURATION,
				Frequency.MONTHLY, Aggregation.AVERAGE, Indicator.LAGGING,
				"Hours from a ticket opened to the customer confirming it solved.",
				"mean hours from ticket opened to resolved", "customer", List.of("first-response-time"))
			.threshold(Direction.LOWER_IS_BETTER, 24, 36),
				monthlyWorsening()));
		all.add(new Demo(kpi("csat", "Customer satisfaction (CSAT)", "customer-support", "priya", Unit.SCORE,
				Frequency.WEEKLY, Aggregation.AVERAGE, Indicator.LAGGING, "Post-ticket survey score, 1 to 5.",
				"mean of survey answers", "customer", List.of())
			.threshold(Direction.HIGHER_IS_BETTER, 4.6, 4.3),
				series.series("csat", Step.WEEK, 364, 0, age -> 4.72, 0.05, 2)));
		all.add(new Demo(kpi("support-backlog", "Support backlog", "customer-support", "lee", Unit.COUNT,
				Frequency.DAILY, Aggregation.LAST, Indicator.LEADING,
				"Open tickets at the end of the day: too few means idle, too many means waits.",
				"open tickets at 18:00", "operational", List.of())
			.band(80, 150, 30),
				series.series("support-backlog", Step.DAY, 365, 0, age -> 115 + 25 * Math.sin(age / 20.0), 10, 0)));
		all.add(new Demo(kpi("repeat-complaints", "Repeat complaints", "customer-support", "lee", Unit.PERCENT,
				Frequency.WEEKLY, Aggregation.LAST, Indicator.LAGGING,
				"Share of complaints from customers who complained about the same thing before.",
				"repeat complaints / all complaints", "customer", List.of())
			.threshold(Direction.LOWER_IS_BETTER, 5, 8),
				series.series("repeat-complaints", Step.WEEK, 364, 0, ramp(6.5, 3.8, 300), 0.3, 1)));
		all.add(new Demo(kpi("marketing-qualified-leads", "Marketing-qualified leads", "marketing", "emma",
				Unit.COUNT, Frequency.WEEKLY, Aggregation.SUM, Indicator.LEADING,
				"Leads that match the ideal customer profile and asked for contact.",
				"count of leads scored >= 60", "customer", List.of())
			.threshold(Direction.HIGHER_IS_BETTER, 120, 90),
				series.series("marketing-qualified-leads", Step.DAY, 365, 1, ramp(12, 19, 365), 4, 0)));
		all.add(new Demo(kpi("win-rate", "Win rate", "sales", "diego", Unit.PERCENT, Frequency.MONTHLY,
				Aggregation.LAST, Indicator.LAGGING, "Share of qualified opportunities that close as won.",
				"won / (won + lost) over the month", "financial", List.of("marketing-qualified-leads"))
			.threshold(Direction.HIGHER_IS_BETTER, 25, 20),
				series.series("win-rate", Step.MONTH, 365, 0, ramp(19, 22.5, 365), 0.8, 1)));
		all.add(new Demo(kpi("sales-cycle-length", "Sales cycle length", "sales", "diego", Unit.DURATION,
				Frequency.MONTHLY, Aggregation.AVERAGE, Indicator.LAGGING, "Days from first meeting to signature.",
				"mean days from opportunity created to closed won", "operational", List.of())
			.threshold(Direction.LOWER_IS_BETTER, 45, 60),
				series.series("sales-cycle-length", Step.MONTH, 365, 0, ramp(52, 41, 365), 2, 0)));
		all.add(new Demo(kpi("average-deal-size", "Average deal size", "sales", "diego", Unit.CURRENCY,
				Frequency.MONTHLY, Aggregation.AVERAGE, Indicator.LAGGING, "Mean first-year value of won deals.",
				"sum of first-year contract value / deals won", "financial", List.of())
			.currency("EUR")
			.trajectory(Direction.HIGHER_IS_BETTER, 18_000, today.withDayOfYear(1), 24_000,
					today.withDayOfYear(1).plusYears(1).minusDays(1)),
				series.series("average-deal-size", Step.MONTH, 365, 0, ramp(17_500, 18_000 + 6_000 * today.getDayOfYear() / 365.0 - 250, 365), 100, 0)));
		all.add(new Demo(kpi("newsletter-signups", "Newsletter sign-ups", "marketing", "emma", Unit.COUNT,
				Frequency.WEEKLY, Aggregation.SUM, Indicator.LEADING,
				"New newsletter subscribers; exported by hand from the mailing tool.", null, "customer", List.of())
			.source(Source.CSV)
			.threshold(Direction.HIGHER_IS_BETTER, 300, 200),
				series.series("newsletter-signups", Step.WEEK, 364, 40, age -> 320, 40, 0)));
		all.add(new Demo(kpi("employee-attrition", "Employee attrition", "people-ops", "hana", Unit.PERCENT,
				Frequency.MONTHLY, Aggregation.LAST, Indicator.LAGGING,
				"Voluntary leavers over the last twelve months, as a share of headcount.",
				"leavers in trailing 12 months / average headcount", "people", List.of())
			.threshold(Direction.LOWER_IS_BETTER, 12, 15),
				series.series("employee-attrition", Step.MONTH, 365, 0, ramp(13.1, 10.4, 365), 0.3, 1)));
		all.add(new Demo(kpi("pit-stop-time", "Pit stop time", "racing", "luca", Unit.DURATION, Frequency.WEEKLY,
				Aggregation.MIN, Indicator.LEADING, "Fastest stationary time of the week's practice stops, in seconds.",
				"min(stationary seconds) over the week's stops", "operational", List.of())
			.threshold(Direction.LOWER_IS_BETTER, 7, 8),
				series.series("pit-stop-time", Step.WEEK, 364, 0, ramp(8.3, 7.6, 200), 0.1, 2)));
		return all;
	}

	/** Uptime: a healthy year, a fortnight of decline, and today's outage at exactly 50 %. */
	private List<NewMeasurement> uptime() {
		var points = new ArrayList<>(series.series("registration-uptime", Step.DAY, 365, 1,
				age -> age > 14 ? 99.4 : 99.4 - (14 - age) * 3.5, 0.25, 2));
		points.add(new NewMeasurement("registration-uptime", series.at(today), 50, "registration service down since 03:10"));
		return points;
	}

	/** Time to resolution: steady for most of the year, then worse each of the last four months. */
	private List<NewMeasurement> monthlyWorsening() {
		var points = new ArrayList<NewMeasurement>();
		double[] lastMonths = { 20, 23, 27, 31, 34 };
		for (int monthsAgo = 12; monthsAgo >= 0; monthsAgo--) {
			var month = today.minusMonths(monthsAgo).withDayOfMonth(1);
			double base = monthsAgo < lastMonths.length ? lastMonths[lastMonths.length - 1 - monthsAgo] : 19 + monthsAgo % 3;
			for (var day = month; day.getMonth() == month.getMonth() && !day.isAfter(today); day = day.plusDays(3)) {
				points.add(new NewMeasurement("time-to-resolution", series.at(day), base, null));
			}
		}
		return points;
	}

	private static DemoDefinition kpi(String key, String name, String team, String owner, Unit unit,
			Frequency frequency, Aggregation aggregation, Indicator indicator, String description, String formula,
			String category, List<String> drivers) {
		return new DemoDefinition(key, name, team, owner, unit, frequency, aggregation, indicator, description, formula,
				category, drivers, Source.API, null);
	}
}
