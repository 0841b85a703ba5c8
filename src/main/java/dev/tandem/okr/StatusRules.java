package dev.tandem.okr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Status during a cycle: the score is compared with the progress that the share of time
 * elapsed would expect — all of it for a committed objective, 70 % for an aspirational one.
 * ON_TRACK when the score is at most {@link #ON_TRACK_MARGIN} below that expectation, AT_RISK
 * when at most {@link #AT_RISK_MARGIN} below, OFF_TRACK beyond. Before the cycle starts the
 * status is NOT_STARTED; once it has ended (or was closed early) it is CLOSED.
 * <p>
 * A milestone is binary, so the time rule alone would call every open milestone off track by
 * mid-cycle. While it is not done, its owner's latest confidence says more: 7 or more is on
 * track, 4 to 6 at risk, 3 or less off track; without any check-in the time rule applies.
 */
final class StatusRules {

	static final double ON_TRACK_MARGIN = 0.10;

	static final double AT_RISK_MARGIN = 0.25;

	private StatusRules() {
	}

	/** A cycle's time: from the start day's midnight to the midnight after its (inclusive) end day. */
	record Window(Instant start, Instant end) {

		static Window of(LocalDate start, LocalDate endInclusive, ZoneId zone) {
			return new Window(start.atStartOfDay(zone).toInstant(), endInclusive.plusDays(1).atStartOfDay(zone).toInstant());
		}

		/** The share of the cycle elapsed at {@code now}, 0.0–1.0. */
		double elapsed(Instant now) {
			if (!now.isAfter(start)) {
				return 0;
			}
			if (!now.isBefore(end)) {
				return 1;
			}
			return (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis();
		}

		boolean started(Instant now) {
			return !now.isBefore(start);
		}

		boolean ended(Instant now) {
			return !now.isBefore(end);
		}
	}

	static double expected(Window window, Commitment commitment, Instant now) {
		return Scoring.round(window.elapsed(now) * commitment.expectedAtEnd());
	}

	static OkrStatus status(Window window, boolean closed, Commitment commitment, double score, Instant now) {
		if (closed || window.ended(now)) {
			return OkrStatus.CLOSED;
		}
		if (!window.started(now)) {
			return OkrStatus.NOT_STARTED;
		}
		double shortfall = expected(window, commitment, now) - score;
		if (shortfall <= ON_TRACK_MARGIN + 1e-9) {
			return OkrStatus.ON_TRACK;
		}
		return shortfall <= AT_RISK_MARGIN + 1e-9 ? OkrStatus.AT_RISK : OkrStatus.OFF_TRACK;
	}

	static OkrStatus milestone(Window window, boolean closed, Commitment commitment, boolean done, Integer confidence,
			Instant now) {
		var byTime = status(window, closed, commitment, Scoring.milestone(done), now);
		if (byTime == OkrStatus.CLOSED || byTime == OkrStatus.NOT_STARTED || done || confidence == null) {
			return byTime;
		}
		return confidence >= 7 ? OkrStatus.ON_TRACK : confidence >= 4 ? OkrStatus.AT_RISK : OkrStatus.OFF_TRACK;
	}
}
