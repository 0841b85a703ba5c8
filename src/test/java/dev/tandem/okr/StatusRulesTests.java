package dev.tandem.okr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.tandem.okr.StatusRules.Window;

class StatusRulesTests {

	static final ZoneId UTC = ZoneOffset.UTC;

	/** 100 days: 2026-01-01 up to and including 2026-04-10. */
	final Window window = Window.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 10), UTC);

	Instant day(int n) {
		return LocalDate.of(2026, 1, 1).plusDays(n).atStartOfDay(UTC).toInstant();
	}

	@Test
	void elapsedRunsFromZeroToOneOverTheInclusiveDates() {
		assertThat(window.elapsed(day(-5))).isZero();
		assertThat(window.elapsed(day(0))).isZero();
		assertThat(window.elapsed(day(50))).isEqualTo(0.5);
		assertThat(window.elapsed(day(100))).isEqualTo(1.0);
		assertThat(window.elapsed(day(130))).isEqualTo(1.0);
	}

	@Test
	void committedExpectsAllOfTheTimeAspirationalSeventyPercent() {
		assertThat(StatusRules.expected(window, Commitment.COMMITTED, day(50))).isEqualTo(0.5);
		assertThat(StatusRules.expected(window, Commitment.ASPIRATIONAL, day(50))).isEqualTo(0.35);
		assertThat(StatusRules.expected(window, Commitment.ASPIRATIONAL, day(100))).isEqualTo(0.7);
	}

	@Test
	void marginsSeparateOnTrackAtRiskAndOffTrack() {
		// half way through a committed objective: 0.5 expected
		assertThat(status(Commitment.COMMITTED, 0.5, 50)).isEqualTo(OkrStatus.ON_TRACK);
		assertThat(status(Commitment.COMMITTED, 0.4, 50)).isEqualTo(OkrStatus.ON_TRACK);
		assertThat(status(Commitment.COMMITTED, 0.39, 50)).isEqualTo(OkrStatus.AT_RISK);
		assertThat(status(Commitment.COMMITTED, 0.25, 50)).isEqualTo(OkrStatus.AT_RISK);
		assertThat(status(Commitment.COMMITTED, 0.24, 50)).isEqualTo(OkrStatus.OFF_TRACK);
		assertThat(status(Commitment.COMMITTED, 0.9, 50)).isEqualTo(OkrStatus.ON_TRACK);
	}

	@Test
	void aspirationalIsOnTrackWithLess() {
		// 90 % of the time gone: committed expects 0.9, aspirational 0.63
		assertThat(status(Commitment.COMMITTED, 0.6, 90)).isEqualTo(OkrStatus.OFF_TRACK);
		assertThat(status(Commitment.ASPIRATIONAL, 0.6, 90)).isEqualTo(OkrStatus.ON_TRACK);
	}

	@Test
	void beforeTheStartNothingHasStartedAndAfterTheEndItIsClosed() {
		assertThat(status(Commitment.COMMITTED, 0.0, -1)).isEqualTo(OkrStatus.NOT_STARTED);
		assertThat(status(Commitment.COMMITTED, 1.0, 100)).isEqualTo(OkrStatus.CLOSED);
		assertThat(status(Commitment.COMMITTED, 0.0, 400)).isEqualTo(OkrStatus.CLOSED);
		assertThat(StatusRules.status(window, true, Commitment.COMMITTED, 0.1, day(10))).isEqualTo(OkrStatus.CLOSED);
	}

	@Test
	void onTheFirstDayEverythingIsOnTrack() {
		assertThat(status(Commitment.COMMITTED, 0.0, 0)).isEqualTo(OkrStatus.ON_TRACK);
	}

	@Test
	void anOpenMilestoneFollowsItsOwnersConfidence() {
		assertThat(milestone(false, 8, 60)).isEqualTo(OkrStatus.ON_TRACK);
		assertThat(milestone(false, 5, 60)).isEqualTo(OkrStatus.AT_RISK);
		assertThat(milestone(false, 2, 5)).isEqualTo(OkrStatus.OFF_TRACK);
		assertThat(milestone(false, null, 60)).isEqualTo(OkrStatus.OFF_TRACK);
		assertThat(milestone(false, null, 5)).isEqualTo(OkrStatus.ON_TRACK);
		assertThat(milestone(true, 1, 60)).isEqualTo(OkrStatus.ON_TRACK);
		assertThat(milestone(false, 9, -3)).isEqualTo(OkrStatus.NOT_STARTED);
		assertThat(milestone(false, 9, 101)).isEqualTo(OkrStatus.CLOSED);
	}

	private OkrStatus status(Commitment commitment, double score, int day) {
		return StatusRules.status(window, false, commitment, score, day(day));
	}

	private OkrStatus milestone(boolean done, Integer confidence, int day) {
		return StatusRules.milestone(window, false, Commitment.COMMITTED, done, confidence, day(day));
	}
}
