package dev.tandem.okr;

import java.util.List;

/**
 * What each confidence means, so that a 7 means the same in every team: the chance, as the
 * owner sees it today, that the key result reaches its target by the end of the cycle.
 */
final class ConfidenceRubric {

	static final List<ConfidenceLevel> LEVELS = List.of(
			new ConfidenceLevel(0, "Abandoned", "We will not reach it and have stopped trying; say why in 'learned'."),
			new ConfidenceLevel(1, "Out of reach", "Only a miracle gets us there; we need a decision to change course."),
			new ConfidenceLevel(2, "Very unlikely", "The plan is not working; we know it and need help or a new plan."),
			new ConfidenceLevel(3, "Unlikely", "We see a path, but it needs several things we do not control to go our way; "
					+ "expect to land well short."),
			new ConfidenceLevel(4, "Doubtful", "Behind, with a plan to catch up that is not yet proving itself."),
			new ConfidenceLevel(5, "Coin toss", "As likely as not: the plan holds if nothing goes wrong, and we have "
					+ "named what could."),
			new ConfidenceLevel(6, "Leaning yes", "Slightly better than even; progress is real but a known risk is open."),
			new ConfidenceLevel(7, "Likely", "On course: progress matches the time gone, and we know how to handle the "
					+ "risks we see. The normal confidence of a well-set ambitious goal."),
			new ConfidenceLevel(8, "Very likely", "Ahead of the time gone, or the hard part is behind us."),
			new ConfidenceLevel(9, "Almost certain", "Only a surprise stops it; if this is typical at the start, the goal "
					+ "may not be ambitious enough."),
			new ConfidenceLevel(10, "Done", "Reached, or as good as reached; nothing left that could stop it."));

	private ConfidenceRubric() {
	}
}
