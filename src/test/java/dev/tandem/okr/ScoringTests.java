package dev.tandem.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.okr.Scoring.Weighted;

class ScoringTests {

	@Test
	void progressIsTheShareOfTheWayFromBaselineToTarget() {
		assertThat(Scoring.progress(50, 99, 74.5)).isCloseTo(0.5, within(1e-12));
		assertThat(Scoring.progress(50, 99, 50)).isZero();
		assertThat(Scoring.progress(50, 99, 99)).isEqualTo(1.0);
	}

	@Test
	void decreasingKeyResultsUseTheSameFormula() {
		// pit stop from 8 s to 7 s: 7.5 s is half way, 7.3 s is 70 %
		assertThat(Scoring.progress(8, 7, 7.5)).isCloseTo(0.5, within(1e-12));
		assertThat(Scoring.score(Scoring.progress(8, 7, 7.3))).isEqualTo(0.7);
		assertThat(Scoring.colour(Scoring.score(Scoring.progress(8, 7, 7.3)))).isEqualTo(ScoreColour.GREEN);
	}

	@Test
	void overshootShowsRawButScoresOne() {
		double progress = Scoring.progress(8, 7, 6.5);
		assertThat(progress).isCloseTo(1.5, within(1e-12));
		assertThat(Scoring.score(progress)).isEqualTo(1.0);
		assertThat(Scoring.score(Scoring.progress(100, 200, 250))).isEqualTo(1.0);
	}

	@Test
	void movingTheWrongWayIsNegativeProgressAndScoresZero() {
		double progress = Scoring.progress(8, 7, 8.4);
		assertThat(progress).isCloseTo(-0.4, within(1e-12));
		assertThat(Scoring.score(progress)).isZero();
	}

	@Test
	void milestonesAreDoneOrNot() {
		assertThat(Scoring.milestone(true)).isEqualTo(1.0);
		assertThat(Scoring.milestone(false)).isZero();
	}

	@Test
	void objectiveScoreIsTheWeightedMean() {
		assertThat(Scoring.objectiveScore(List.of(new Weighted(3, 1.0), new Weighted(1, 0.0)))).isEqualTo(0.75);
		assertThat(Scoring.objectiveScore(List.of(new Weighted(1, 0.4), new Weighted(1, 0.8)))).isEqualTo(0.6);
	}

	@Test
	void zeroWeightsDoNotCountUnlessAllAreZero() {
		assertThat(Scoring.objectiveScore(List.of(new Weighted(0, 0.0), new Weighted(2, 0.9)))).isEqualTo(0.9);
		assertThat(Scoring.objectiveScore(List.of(new Weighted(0, 0.2), new Weighted(0, 0.6)))).isEqualTo(0.4);
	}

	@Test
	void anObjectiveWithoutKeyResultsHasNoScoreAndNoColour() {
		assertThat(Scoring.objectiveScore(List.of())).isNull();
		assertThat(Scoring.colour(null)).isNull();
	}

	@Test
	void coloursChangeAtPointFourAndPointSeven() {
		assertThat(Scoring.colour(0.0)).isEqualTo(ScoreColour.RED);
		assertThat(Scoring.colour(0.3999)).isEqualTo(ScoreColour.RED);
		assertThat(Scoring.colour(0.4)).isEqualTo(ScoreColour.YELLOW);
		assertThat(Scoring.colour(0.6999)).isEqualTo(ScoreColour.YELLOW);
		assertThat(Scoring.colour(0.7)).isEqualTo(ScoreColour.GREEN);
		assertThat(Scoring.colour(1.0)).isEqualTo(ScoreColour.GREEN);
	}

	@Test
	void floatNoiseDoesNotDecideAColour() {
		// (7.7 - 7) / (8 - 7) is 0.7000000000000002 and (8 - 7.3) / (8 - 7) 0.7000000000000002; 0.1 + 0.2 + 0.4 is 0.7000000000000001
		assertThat(Scoring.score(0.1 + 0.2 + 0.4)).isEqualTo(0.7);
		assertThat(Scoring.score(0.6999999999999999)).isEqualTo(0.7);
		assertThat(Scoring.colour(Scoring.score(0.6999999999999999))).isEqualTo(ScoreColour.GREEN);
	}

	@Test
	void notANumberScoresZero() {
		assertThat(Scoring.score(Double.NaN)).isZero();
	}
}
