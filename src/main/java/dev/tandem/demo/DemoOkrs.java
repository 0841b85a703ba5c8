package dev.tandem.demo;

import java.time.LocalDate;
import java.util.List;

import dev.tandem.demo.DemoCheckIns.Story;
import dev.tandem.okr.Commitment;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.KeyResultInput;
import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.NewCycle;
import dev.tandem.okr.ObjectiveInput;
import dev.tandem.okr.ObjectiveLevel;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;

/**
 * The demo's OKRs, from the seeds' examples: last quarter closed and graded with a
 * retrospective per objective, and this quarter running with weekly check-ins, both aligned
 * company → team → individual. Some key results follow the demo KPIs; the registration uptime
 * KPI (red at 50 % against 99 %) is deliberately left without one, so that the loop has the
 * seeds' own story to propose.
 */
final class DemoOkrs {

	private final Cycles cycles;
	private final Objectives objectives;
	private final KeyResults keyResults;
	private final DemoCheckIns checkIns;
	private final LocalDate today;

	DemoOkrs(Cycles cycles, Objectives objectives, KeyResults keyResults, DemoCheckIns checkIns, LocalDate today) {
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.checkIns = checkIns;
		this.today = today;
	}

	void load() {
		var past = cycles.create(NewCycle.quarter(quarter(today.minusMonths(3))));
		var current = cycles.create(NewCycle.quarter(quarter(today)));
		var hiring = pastQuarter(past);
		cycles.close(past.id());
		retrospectives(past);
		currentQuarter(current, hiring);
	}

	/** Last quarter: returns the hiring objective, unfinished, to carry over. */
	private ObjectiveView pastQuarter(CycleView q) {
		var trust = objective(q, "northwind", "maria", ObjectiveLevel.COMPANY, Commitment.ASPIRATIONAL, null,
				"Customers trust us with what matters to them", "Trust is why patients, buyers and fans come back.");
		story(q, metric(trust, "Increase Net Promoter Score from 4 to 6", "maria", 4.0, 6, "score", null),
				Story.of(5.4, 6, 7, "Survey sent to every customer this month."));

		var effort = objective(q, "customer-support", "priya", ObjectiveLevel.TEAM, Commitment.COMMITTED, trust,
				"Reduce customer effort in support", "Every extra contact a customer needs costs trust.");
		story(q, metric(effort, "Increase first-contact resolution from 40 % to 48 %", "priya", 40.0, 48, "%", null),
				Story.of(46, 6, 8, "Tier-1 agents may now refund up to 50 EUR."));
		story(q, kpiMetric(q, effort, "Reduce repeat complaints to 4.5 %", "lee", 4.5, "repeat-complaints"),
				Story.of(0, 5, 8));
		var why = objective(q, "customer-support", "lee", ObjectiveLevel.INDIVIDUAL, Commitment.COMMITTED, effort,
				"Know why customers come back with the same problem", "We fix symptoms; we should fix causes.");
		story(q, milestone(why, "Root causes of the ten most repeated complaints written up", "lee"), Story.of(1, 5, 9));

		var deals = objective(q, "sales", "diego", ObjectiveLevel.TEAM, Commitment.COMMITTED, trust,
				"Win bigger deals with the customers who value us most", "Fewer, larger accounts we serve well.");
		var dealSize = checkIns.kpiValueAt("average-deal-size", q.start());
		story(q, keyResult(deals, "Grow average deal size by 10 %", "diego", KeyResultType.METRIC, dealSize,
				Math.round(dealSize * 1.1 / 100) * 100.0, null, "average-deal-size"), Story.of(0, 6, 6));

		var pits = objective(q, "racing", "luca", ObjectiveLevel.TEAM, Commitment.ASPIRATIONAL, trust,
				"Win the Formula 1 Championship", "The championship is won in the pit lane as much as on track.");
		story(q, kpiMetric(q, pits, "Reduce pit stop time from 8 to 7.5 seconds", "luca", 7.5, "pit-stop-time"),
				Story.of(0, 5, 6, "New wheel nuts tested in the simulator."));
		story(q, metric(pits, "Finish top 3 in 80 % of races", "luca", 50.0, 80, "%", null), Story.of(65, 5, 5));

		var hiring = objective(q, "people-ops", "hana", ObjectiveLevel.TEAM, Commitment.ASPIRATIONAL, trust,
				"Build a hiring process that candidates actually enjoy", "Good people talk to each other.");
		story(q, metric(hiring, "Increase candidate NPS from 20 to 45", "hana", 20.0, 45, "score", null),
				Story.of(31, 6, 4, "Interview feedback now within 48 hours.", null, "Two interviewers left."));
		story(q, metric(hiring, "Reduce time-to-hire for critical roles from 62 to 40 days", "hana", 62.0, 40, "days", null),
				Story.of(52, 5, 4));
		story(q, metric(hiring, "Increase offer acceptance rate from 70 % to 80 %", "hana", 70.0, 80, "%", null),
				Story.of(81, 6, 9));

		var phone = objective(q, "patient-platform", "sam", ObjectiveLevel.TEAM, Commitment.COMMITTED, trust,
				"Give patients a registration they can finish on a phone", "Most patients register from a phone.");
		story(q, metric(phone, "Raise registrations completed on a phone from 25 % to 50 %", "sam", 25.0, 50, "%", null),
				Story.of(45, 6, 8, "Form split into three short steps."));
		return objectives.get(hiring);
	}

	private void retrospectives(CycleView q) {
		var notes = List.of("NPS rose, mostly from support; next time agree the survey before the quarter starts.",
				"Refund authority for tier 1 did more than any training; repeat complaints fell below target.",
				"Writing root causes down changed the weekly support meeting.",
				"Deal size grew, but most of it came from two renewals; we still lack a repeatable motion.",
				"Pit stops improved by a tenth a month; 7.5 s needs new equipment, not only practice.",
				"Offer acceptance is fixed; candidate experience is not. Carried over.",
				"Three steps beat one long form; the last 5 % are patients without e-mail.");
		var graded = objectives.list(q.id(), null, 100, 0);
		for (int i = 0; i < graded.size() && i < notes.size(); i++) {
			objectives.retrospective(graded.get(i).id(), notes.get(i));
		}
	}

	private void currentQuarter(CycleView q, ObjectiveView hiring) {
		var trust = objective(q, "northwind", "maria", ObjectiveLevel.COMPANY, Commitment.ASPIRATIONAL, null,
				"Customers trust us with what matters to them", "Trust is why patients, buyers and fans come back.");
		story(q, metric(trust, "Increase Net Promoter Score from 6 to 8", "maria", 6.0, 8, "score", null),
				Story.of(6.8, 6, 6));
		var people = objective(q, "northwind", "maria", ObjectiveLevel.COMPANY, Commitment.ASPIRATIONAL, null,
				"Be a place where people do the best work of their careers", "We compete for talent as much as for customers.");
		story(q, metric(people, "Raise the engagement score from 68 to 75", "hana", 68.0, 75, "score", null),
				Story.of(70, 6, 6));

		var loyalty = objective(q, "customer-support", "priya", ObjectiveLevel.TEAM, Commitment.COMMITTED, trust,
				"Create a customer support experience that builds long-term loyalty",
				"Fast answers are not enough when the same problem comes back.");
		story(q, kpiMetric(q, loyalty, "Reduce repeat complaints to 3.5 %", "lee", 3.5, "repeat-complaints"),
				Story.of(0, 6, 7, "Weekly review of repeat complaints with product."));
		story(q, metric(loyalty, "Increase first-contact resolution from 48 % to 60 %", "priya", 48.0, 60, "%", null),
				Story.of(53, 7, 5, "Knowledge base rewritten for the top 20 questions.", null,
						"Holiday rota: two agents short until January."));
		objectives.guardrails(loyalty, List.of("csat"));
		var causes = objective(q, "customer-support", "lee", ObjectiveLevel.INDIVIDUAL, Commitment.COMMITTED, loyalty,
				"Every repeat complaint gets a root cause", "A cause found once saves a hundred answers.");
		story(q, metric(causes, "Raise repeat complaints with a written root cause from 10 % to 80 %", "lee", 10.0, 80,
				"%", null), Story.of(55, 6, 7));

		var efficiency = objective(q, "sales", "diego", ObjectiveLevel.TEAM, Commitment.COMMITTED, trust,
				"Improve sales efficiency without sacrificing deal quality", "Time saved in the pipeline is time with customers.");
		story(q, kpiMetric(q, efficiency, "Increase win rate to 28 %", "diego", 28, "win-rate"), Story.of(0, 6, 5));
		story(q, kpiMetric(q, efficiency, "Reduce average sales cycle to 38 days", "diego", 38, "sales-cycle-length"),
				Story.of(0, 6, 7));
		objectives.guardrails(efficiency, List.of("average-deal-size"));

		var positioning = objective(q, "marketing", "emma", ObjectiveLevel.TEAM, Commitment.ASPIRATIONAL, trust,
				"Make our positioning clearer to the right buyers", "Sales wins more when the right buyers arrive.");
		story(q, metric(positioning, "Increase website-to-demo conversion from 1.8 % to 2.5 %", "emma", 1.8, 2.5, "%",
				null), Story.of(2.1, 5, 6, "New pricing page live."));
		story(q, kpiMetric(q, positioning, "Increase marketing-qualified leads to 150 a week", "emma", 150,
				"marketing-qualified-leads"), Story.of(0, 6, 6));
		objectives.guardrails(positioning, List.of("win-rate"));

		var championship = objective(q, "racing", "luca", ObjectiveLevel.TEAM, Commitment.ASPIRATIONAL, people,
				"Win the Formula 1 Championship", "The championship is won in the pit lane as much as on track.");
		story(q, kpiMetric(q, championship, "Reduce pit stop time to 7 seconds", "luca", 7.0, "pit-stop-time"),
				Story.of(0, 5, 6, "Wheel-gun pressure raised after the simulator tests."));
		story(q, metric(championship, "Achieve pole position in 50 % of races", "luca", 20.0, 50, "%", null),
				Story.of(30, 4, 4));
		var crew = objective(q, "racing", "luca", ObjectiveLevel.INDIVIDUAL, Commitment.COMMITTED, championship,
				"Master the pit-stop choreography", "Every tenth lost in the box is lost on track.");
		story(q, metric(crew, "Reduce wheel-gun faults from 4 % to 1 % of stops", "luca", 4.0, 1, "%", null),
				Story.of(2.2, 6, 7));

		var stay = objective(q, "people-ops", "hana", ObjectiveLevel.TEAM, Commitment.COMMITTED, people,
				"Create a workplace where employees choose to stay and grow", "Attrition is a symptom; growth is the cure.");
		story(q, kpiMetric(q, stay, "Reduce attrition to 9.5 %", "hana", 9.5, "employee-attrition"), Story.of(0, 6, 6));
		story(q, metric(stay, "Fill 25 % of open roles internally, up from 15 %", "hana", 15.0, 25, "%", null),
				Story.of(19, 6, 5));
		carryOver(q, hiring, people);

		var platform = objective(q, "patient-platform", "sam", ObjectiveLevel.TEAM, Commitment.COMMITTED, trust,
				"Make registering online effortless for patients", "A registration that fails sends patients to the phone.");
		story(q, metric(platform, "Cut the median time to register from 6 to 3 minutes", "sam", 6.0, 3, "minutes", null),
				Story.of(4.4, 6, 6, "Address lookup added."));
		story(q, metric(platform, "Raise registrations completed online from 40 % to 60 %", "sam", 40.0, 60, "%", null),
				Story.of(47, 6, 5));
	}

	/** The hiring objective goes on in this quarter, aligned to this quarter's people objective. */
	private void carryOver(CycleView q, ObjectiveView hiring, long parent) {
		var carried = objectives.carryOver(hiring.id(), q.id());
		objectives.update(carried.id(), new ObjectiveInput(q.id(), carried.team(), carried.owner(), carried.title(),
				carried.description(), carried.level(), parent, List.of(), carried.commitment(), ObjectiveState.ACTIVE,
				carried.version()), null);
		for (var kr : carried.keyResults()) {
			story(q, kr, Story.of(kr.baseline() + (kr.target() - kr.baseline()) * 0.5, 6, 7));
		}
	}

	private long objective(CycleView cycle, String team, String owner, ObjectiveLevel level, Commitment commitment,
			Long parent, String title, String why) {
		return objectives.create(new ObjectiveInput(cycle.id(), team, owner, title, why, level, parent, List.of(),
				commitment, ObjectiveState.ACTIVE, null)).id();
	}

	private KeyResultView metric(long objective, String title, String owner, Double baseline, double target, String unit,
			String kpi) {
		return keyResult(objective, title, owner, KeyResultType.METRIC, baseline, target, unit, kpi);
	}

	/** A key result that follows a KPI, starting from the KPI's value when the cycle began. */
	private KeyResultView kpiMetric(CycleView cycle, long objective, String title, String owner, double target,
			String kpi) {
		return metric(objective, title, owner, checkIns.kpiValueAt(kpi, cycle.start()), target, null, kpi);
	}

	private KeyResultView milestone(long objective, String title, String owner) {
		return keyResult(objective, title, owner, KeyResultType.MILESTONE, null, null, null, null);
	}

	private KeyResultView keyResult(long objective, String title, String owner, KeyResultType type, Double baseline,
			Double target, String unit, String kpi) {
		return keyResults.create(objective, new KeyResultInput(title, type, owner, null, baseline, target, unit, kpi, null));
	}

	private void story(CycleView cycle, KeyResultView kr, Story story) {
		checkIns.weekly(kr, story, cycle.start(), cycle.end().isBefore(today) ? cycle.end() : today);
	}

	static String quarter(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}
}
