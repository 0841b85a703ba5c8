package dev.tandem.okr;

import java.time.Instant;

/**
 * Where one key result stands, from its row, its linked KPI's value and the cycle's time: the
 * current value and where it came from, raw progress, score and status. Once the cycle is
 * closed the frozen final value and score are the truth.
 */
record KeyResultEvaluation(Double current, ValueSource source, Double progress, double score, OkrStatus status) {

	static KeyResultEvaluation of(OkrReader.KeyResultRow kr, Double kpiValue, StatusRules.Window window, boolean closed,
			Commitment commitment, Instant now) {
		if (kr.type() == KeyResultType.MILESTONE) {
			double score = closed && kr.finalScore() != null ? kr.finalScore() : Scoring.milestone(kr.done());
			var status = StatusRules.milestone(window, closed, commitment, kr.done(), kr.lastConfidence(), now);
			return new KeyResultEvaluation(null, null, null, score, status);
		}
		Double current;
		ValueSource source;
		if (closed && kr.finalScore() != null) {
			current = kr.finalValue();
			source = ValueSource.FINAL;
		}
		else if (kr.kpiKey() != null && kpiValue != null) {
			current = kpiValue;
			source = ValueSource.KPI;
		}
		else if (kr.lastValue() != null) {
			current = kr.lastValue();
			source = ValueSource.CHECK_IN;
		}
		else {
			current = kr.baseline();
			source = ValueSource.BASELINE;
		}
		Double progress = current == null || kr.baseline() == null || kr.target() == null ? null
				: Scoring.progress(kr.baseline(), kr.target(), current);
		double score = source == ValueSource.FINAL ? kr.finalScore() : progress == null ? 0 : Scoring.score(progress);
		var status = StatusRules.status(window, closed, commitment, score, now);
		return new KeyResultEvaluation(current, source, Scoring.round(progress), score, status);
	}
}
