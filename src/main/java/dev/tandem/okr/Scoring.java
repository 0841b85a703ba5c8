package dev.tandem.okr;

import java.util.List;

/**
 * Progress and scores, as plain arithmetic. Progress is the share of the way from baseline to
 * target, shown raw: it passes 1 on overshoot and goes negative when the metric moved the wrong
 * way; the formula works unchanged for key results that decrease, since both differences then
 * are negative. The score is progress clamped to 0.0–1.0; an objective's score is the weighted
 * mean of its key results' scores.
 */
final class Scoring {

	static final double YELLOW_FROM = 0.4;

	static final double GREEN_FROM = 0.7;

	private Scoring() {
	}

	/** A key result's score and the weight it carries in its objective. */
	record Weighted(double weight, double score) {
	}

	static double progress(double baseline, double target, double current) {
		return (current - baseline) / (target - baseline);
	}

	static double score(double progress) {
		if (Double.isNaN(progress)) {
			return 0;
		}
		return round(Math.max(0, Math.min(1, progress)));
	}

	static double milestone(boolean done) {
		return done ? 1.0 : 0.0;
	}

	/**
	 * The weighted mean of the scores, or null when there is nothing to score. A key result with
	 * weight 0 does not count — unless every weight is 0, which says "no preference": then each
	 * counts the same.
	 */
	static Double objectiveScore(List<Weighted> keyResults) {
		if (keyResults.isEmpty()) {
			return null;
		}
		double total = keyResults.stream().mapToDouble(k -> Math.max(0, k.weight())).sum();
		if (total == 0) {
			return round(keyResults.stream().mapToDouble(Weighted::score).average().orElse(0));
		}
		double sum = keyResults.stream().mapToDouble(k -> Math.max(0, k.weight()) * k.score()).sum();
		return round(sum / total);
	}

	static ScoreColour colour(Double score) {
		if (score == null) {
			return null;
		}
		return score < YELLOW_FROM ? ScoreColour.RED : score < GREEN_FROM ? ScoreColour.YELLOW : ScoreColour.GREEN;
	}

	/**
	 * Four decimals: enough for any display, and it keeps float noise ((7.7 − 7) ÷ (8 − 7) =
	 * 0.7000000000000002) from deciding a colour.
	 */
	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	static Double round(Double value) {
		return value == null || !Double.isFinite(value) ? value : round(value.doubleValue());
	}
}
