package dev.tandem.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.kpi.ChartSeries;
import dev.tandem.kpi.ChartZone;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiViews;
import dev.tandem.kpi.Mode;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Trend;

class KpiChartTests {

	@Test
	void aThresholdKpiGetsOneSetOfZonesForEveryPoint() {
		var kpi = KpiViews.threshold("uptime", "Uptime", "platform", HealthStatus.RED, 50.0);
		var chart = KpiChart.of(kpi, Frequency.DAILY, List.of(day(1, 99.5), day(2, 98.0), day(3, 50.0)), ZoneOffset.UTC);
		assertThat(chart.labels()).containsExactly("1 Mar 2026", "2 Mar 2026", "3 Mar 2026");
		assertThat(chart.zones()).hasSize(1);
		assertThat(chart.zones().get(0)).containsExactly(new ChartZone(null, 97.0, "red"),
				new ChartZone(97.0, 99.0, "amber"), new ChartZone(99.0, null, "green"));
		assertThat(chart.median()).isNull();
		assertThat(chart.rows()).first().extracting(KpiChart.Row::value).isEqualTo("50 %");
		assertThat(chart.periods()).containsExactly(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY);
	}

	@Test
	void aBandKpiGetsItsMedianLine() {
		var kpi = KpiViews.kpi("backlog", "Backlog", "support", Shape.BAND, HealthStatus.GREEN, 120.0, Trend.FLAT, 0,
				Mode.MONITORED, null);
		var chart = KpiChart.of(kpi, Frequency.DAILY, List.of(day(1, 100), day(2, 130), day(3, 90), day(4, 200)),
				ZoneOffset.UTC);
		assertThat(chart.median()).isEqualTo(115.0);
		assertThat(chart.zones().get(0)).extracting(ChartZone::status)
			.containsExactly("red", "amber", "green", "amber", "red");
	}

	@Test
	void aTrajectoryKpiGetsItsExpectedLineAndZonesThatMoveWithIt() {
		var kpi = KpiViews.kpi("deal-size", "Deal size", "sales", Shape.TRAJECTORY, HealthStatus.AMBER, 120.0,
				Trend.FLAT, 0, Mode.MONITORED, null);
		var chart = KpiChart.of(kpi, Frequency.MONTHLY,
				List.of(new PeriodValue(LocalDate.of(2026, 1, 1), 100, 3, LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)),
						new PeriodValue(LocalDate.of(2026, 7, 1), 140, 3, LocalDate.of(2026, 7, 2).atStartOfDay().toInstant(ZoneOffset.UTC))),
				ZoneOffset.UTC);
		assertThat(chart.series()).extracting(ChartSeries::kind).containsExactly("value", "expected");
		assertThat(chart.series().get(1).values().get(0)).isEqualTo(100.0);
		assertThat(chart.series().get(1).values().get(1)).isBetween(149.0, 151.0);
		assertThat(chart.zones()).hasSize(2);
	}

	@Test
	void aSummedKpiSeenOverLongerPeriodsDrawsNoZones() {
		var kpi = KpiViews.kpi("deal-size", "Deal size", "sales", Shape.TRAJECTORY, HealthStatus.AMBER, 120.0,
				Trend.FLAT, 0, Mode.MONITORED, null);
		var chart = KpiChart.of(kpi, Frequency.QUARTERLY, List.of(day(1, 300)), ZoneOffset.UTC);
		assertThat(chart.zones()).isEmpty();
		assertThat(chart.zonesNote()).contains("monthly sums");
	}

	private static PeriodValue day(int day, double value) {
		var date = LocalDate.of(2026, 3, day);
		return new PeriodValue(date, value, 1, date.atTime(9, 0).toInstant(ZoneOffset.UTC));
	}
}
