package dev.tandem.okr;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key result with where it stands: {@code current} (and where that value came from),
 * {@code progress} raw (may pass 1 or go below 0), {@code score} clamped to 0–1, its colour and
 * status, the latest confidence, and for a KPI-linked one on its own page a forecast.
 * {@code frozen} once its cycle closed: score and current are then the graded ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyResultView(long id, long objectiveId, String title, KeyResultType type, String owner, double weight,
		Double baseline, Double target, String unit, String kpi, MetricDirection direction, Double current,
		ValueSource currentSource, Double progress, double score, ScoreColour colour, OkrStatus status, Boolean done,
		Integer confidence, Instant lastCheckInAt, int checkIns, Forecast forecast, boolean frozen, long version,
		Instant createdAt, Instant updatedAt) {

	KeyResultView withForecast(Forecast f) {
		return new KeyResultView(id, objectiveId, title, type, owner, weight, baseline, target, unit, kpi, direction,
				current, currentSource, progress, score, colour, status, done, confidence, lastCheckInAt, checkIns, f,
				frozen, version, createdAt, updatedAt);
	}

	/** True when a metric has reached (or passed) its target. */
	public boolean reachedTarget() {
		return type == KeyResultType.METRIC && progress != null && progress >= 1;
	}
}
