package dev.tandem.loop;

import static dev.tandem.kpi.Direction.HIGHER_IS_BETTER;
import static dev.tandem.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.kpi.Direction;

/** One decision per KPI, as a plain rule: which of competing graduations is offered. */
class GraduationDecisionsTests {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void aLowerIsBetterKpiIsOfferedTheLowerLevelWithTheOtherCompeting() {
		var q1 = graduation(1, "complaints", 4.4, true, 0);
		var q2 = graduation(2, "complaints", 3.4, true, 60);
		var decisions = GraduationDecisions.decisions(List.of(q2, q1), key -> LOWER_IS_BETTER);
		assertThat(decisions).singleElement().satisfies(d -> {
			assertThat(d.id()).isEqualTo(2);
			assertThat(d.competing()).extracting(GraduationView.Competitor::id).containsExactly(1L);
			assertThat(d.competing().get(0).to()).isEqualTo(4.4);
		});
	}

	@Test
	void aHigherIsBetterKpiIsOfferedTheHigherLevelEvenWhenItIsOlder() {
		var older = graduation(1, "csat", 4.8, false, 0);
		var newer = graduation(2, "csat", 4.6, false, 60);
		assertThat(GraduationDecisions.decision(List.of(newer, older), HIGHER_IS_BETTER).id()).isEqualTo(1);
		// the KPI's direction decides, not the key result's
		assertThat(GraduationDecisions.decision(List.of(newer, older), LOWER_IS_BETTER).id()).isEqualTo(2);
	}

	@Test
	void competitorsAreListedBestFirstAndEqualLevelsOfferTheOldest() {
		var a = graduation(1, "k", 10, false, 0);
		var b = graduation(2, "k", 12, false, 10);
		var c = graduation(3, "k", 11, false, 20);
		var d = graduation(4, "k", 12, false, 30);
		var offered = GraduationDecisions.decision(List.of(d, c, b, a), HIGHER_IS_BETTER);
		assertThat(offered.id()).isEqualTo(2);
		assertThat(offered.competing()).extracting(GraduationView.Competitor::id).containsExactly(4L, 3L, 1L);
	}

	@Test
	void withoutAKpiDirectionTheKeyResultsDirectionDecides() {
		var a = graduation(1, "band", 10, true, 0);
		var b = graduation(2, "band", 8, true, 10);
		assertThat(GraduationDecisions.decision(List.of(a, b), (Direction) null).id()).isEqualTo(2);
	}

	@Test
	void graduationsOfOtherKpisOrOfNoKpiAreDecisionsOfTheirOwnInListOrder() {
		var newKpi1 = graduation(5, null, 30, false, 50);
		var newKpi2 = graduation(4, null, 40, false, 40);
		var csat = graduation(3, "csat", 4.6, false, 30);
		var complaintsBetter = graduation(2, "complaints", 3.4, true, 20);
		var complaints = graduation(1, "complaints", 4.4, true, 10);
		var decisions = GraduationDecisions.decisions(List.of(newKpi1, newKpi2, complaints, csat, complaintsBetter),
				key -> key.equals("csat") ? HIGHER_IS_BETTER : LOWER_IS_BETTER);
		assertThat(decisions).extracting(GraduationView::id).containsExactly(5L, 4L, 2L, 3L);
		assertThat(decisions).filteredOn(d -> d.competing() != null).singleElement()
			.satisfies(d -> assertThat(d.id()).isEqualTo(2));
		assertThat(decisions.get(0).competing()).isNull();
	}

	@Test
	void aCompetitorNamesTheGraduationOfferedInstead() {
		var outdone = graduation(1, "k", 1, false, 0).outdoneBy(9);
		assertThat(outdone.offeredInstead()).isEqualTo(9);
		assertThat(outdone.competing()).isNull();
	}

	@Test
	void aLevelReadsAsTheInboxShowsIt() {
		assertThat(Graduations.level(graduation(1, "k", 3.4, true, 0))).isEqualTo("3.40");
	}

	private static GraduationView graduation(long id, String kpi, double to, boolean decrease, long minutes) {
		return new GraduationView(id, 100 + id, 200 + id, 7, kpi, "Key result " + id, "support", "lee", null, decrease,
				5.0, to, GraduationState.OPEN, T0.plusSeconds(60 * minutes), null, null, null, null, null, null, null,
				null, null);
	}
}
