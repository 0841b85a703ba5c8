package dev.tandem.kpi.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.ChartSeries;
import dev.tandem.kpi.ChartZone;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.HealthZone;
import dev.tandem.kpi.KpiFormat;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.kpi.Shape;

/**
 * What the KPI page's history chart draws, per period of the chosen length: the values, the
 * green/amber/red zones health judged each period by (seasonal thresholds and a trajectory's
 * moving expectation included), a trajectory's expected line and, for a band, the median of
 * the values shown as a reference line. tandem.js reads it from data-* attributes.
 */
record KpiChart(Frequency period, List<Frequency> periods, List<String> labels, List<ChartSeries> series,
		List<List<ChartZone>> zones, Double median, String unit, String description, String zonesNote,
		List<Row> rows) {

	/** A period as the chart's table alternative lists it. */
	record Row(String label, String value, String expected, int points) {
	}

	/** How far back each period length looks by default. */
	static LocalDate from(Frequency period, LocalDate today) {
		return switch (period) {
			case DAILY -> today.minusDays(89);
			case WEEKLY -> today.minusWeeks(51);
			case MONTHLY -> today.minusMonths(23);
			case QUARTERLY -> today.minusYears(5);
		};
	}

	/** The period lengths a KPI can be seen by: its own and every longer one. */
	static List<Frequency> periodsFor(KpiView kpi) {
		return Arrays.stream(Frequency.values()).filter(f -> f.compareTo(kpi.frequency()) >= 0).toList();
	}

	static KpiChart of(KpiView kpi, Frequency period, List<PeriodValue> values, ZoneId zone) {
		var labels = values.stream().map(p -> KpiFormat.periodLabel(p.periodStart(), period)).toList();
		var points = values.stream().map(PeriodValue::value).toList();
		var series = new ArrayList<ChartSeries>();
		series.add(new ChartSeries(kpi.name(), points, "value"));
		var expected = kpi.shape() == Shape.TRAJECTORY
				? values.stream().map(p -> kpi.expectedAt(p.periodStart(), day(p, zone))).toList() : null;
		if (expected != null) {
			series.add(new ChartSeries("Expected", expected, "expected"));
		}
		// a sum over a longer period is not comparable with thresholds set for the KPI's own periods
		boolean zonesApply = period == kpi.frequency() || kpi.aggregation() != Aggregation.SUM;
		var zones = zonesApply ? zones(kpi, values, zone) : List.<List<ChartZone>>of();
		var note = zonesApply ? null : "Zones are not drawn: the thresholds apply to " + KpiFormat.period(kpi.frequency())
				+ "ly sums, not to sums per " + KpiFormat.period(period) + ".";
		var median = kpi.shape() == Shape.BAND && !points.isEmpty() ? median(points) : null;
		var rows = new ArrayList<Row>();
		for (int i = values.size() - 1; i >= 0; i--) {
			rows.add(new Row(labels.get(i), KpiFormat.value(points.get(i), kpi),
					expected == null ? null : KpiFormat.value(expected.get(i), kpi), (int) values.get(i).points()));
		}
		var description = kpi.name() + " per " + KpiFormat.period(period) + ", " + values.size() + " periods"
				+ (values.isEmpty() ? "" : ", latest " + KpiFormat.value(points.get(points.size() - 1), kpi));
		return new KpiChart(period, periodsFor(kpi), labels, series, zones, median, chartUnit(kpi), description, note,
				rows);
	}

	private static List<List<ChartZone>> zones(KpiView kpi, List<PeriodValue> values, ZoneId zone) {
		var perPoint = values.stream()
			.map(p -> kpi.zonesFor(p.periodStart(), day(p, zone)).stream().map(KpiChart::zone).toList())
			.toList();
		// thresholds rarely change between periods: one set then stands for every point
		return perPoint.stream().distinct().count() == 1 ? List.of(perPoint.get(0)) : perPoint;
	}

	private static ChartZone zone(HealthZone zone) {
		return new ChartZone(zone.from(), zone.to(), zone.status().name().toLowerCase(Locale.ROOT));
	}

	private static LocalDate day(PeriodValue value, ZoneId zone) {
		return value.lastAt().atZone(zone).toLocalDate();
	}

	static double median(List<Double> values) {
		var sorted = values.stream().filter(Objects::nonNull).sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static String chartUnit(KpiView kpi) {
		var unit = KpiFormat.unit(kpi);
		return unit.isEmpty() ? "" : unit.equals("%") ? " %" : " " + unit;
	}

	public boolean isEmpty() {
		return labels.isEmpty();
	}
}
