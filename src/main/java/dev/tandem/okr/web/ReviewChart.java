package dev.tandem.okr.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import dev.tandem.kpi.ChartSeries;
import dev.tandem.kpi.ChartZone;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.KpiFormat;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.KeyResultView;
import dev.tandem.sheet.ChartImage;

/**
 * How a linked key result's KPI moved before, during and after its cycle: its period values
 * from one cycle-length before the start to one after the end (or today), the cycle's weeks
 * shaded, the key result's target as a line, and the mean of each of the three stretches.
 */
record ReviewChart(List<String> labels, List<ChartSeries> series, List<List<ChartZone>> zones, Double target,
		String unit, String description, String before, String during, String after) {

	/** The periods a review chart reads: daily KPIs by week, so that three quarters fit a printed page. */
	static Frequency period(KpiView kpi) {
		return kpi.frequency() == Frequency.DAILY ? Frequency.WEEKLY : kpi.frequency();
	}

	static LocalDate from(CycleView cycle) {
		return cycle.start().minusDays(length(cycle));
	}

	static LocalDate to(CycleView cycle, LocalDate today) {
		var after = cycle.end().plusDays(length(cycle));
		return after.isAfter(today) ? today : after;
	}

	static ReviewChart of(KeyResultView kr, KpiView kpi, CycleView cycle, List<PeriodValue> values) {
		var period = period(kpi);
		var labels = new ArrayList<String>();
		var points = new ArrayList<Double>();
		var zones = new ArrayList<List<ChartZone>>();
		List<Double> before = new ArrayList<>(), during = new ArrayList<>(), after = new ArrayList<>();
		for (var p : values) {
			labels.add(KpiFormat.periodLabel(p.periodStart(), period));
			points.add(p.value());
			var start = p.periodStart();
			boolean inside = !start.isAfter(cycle.end()) && !period.nextPeriodStart(start).minusDays(1).isBefore(cycle.start());
			zones.add(inside ? List.of(new ChartZone(null, null, "window")) : List.of());
			(inside ? during : start.isBefore(cycle.start()) ? before : after).add(p.value());
		}
		var unit = KpiFormat.unit(kpi);
		var description = kpi.name() + " per " + KpiFormat.period(period) + " from " + labels.stream().findFirst().orElse("–")
				+ ", the cycle " + cycle.name() + " shaded; target " + KpiFormat.value(kr.target(), kpi);
		// one zone list would stand for every point: keep one per point even when they agree
		if (zones.size() == 1) {
			zones.add(List.of());
		}
		return new ReviewChart(labels, List.of(new ChartSeries(kpi.name(), points, "value")), zones, kr.target(),
				unit.isEmpty() ? "" : " " + unit, description, mean(before, kpi), mean(during, kpi), mean(after, kpi));
	}

	private static String mean(List<Double> values, KpiView kpi) {
		OptionalDouble mean = values.stream().mapToDouble(Double::doubleValue).average();
		return mean.isPresent() ? KpiFormat.value(Math.round(mean.getAsDouble() * 100) / 100.0, kpi) : "–";
	}

	private static long length(CycleView cycle) {
		return ChronoUnit.DAYS.between(cycle.start(), cycle.end()) + 1;
	}

	/** The chart as an image for a PDF: the KPI's line, the target, the cycle's periods shaded. */
	String image() {
		return ChartImage.dataUri(series.get(0).values(), target, zones.stream().map(z -> !z.isEmpty()).toList());
	}

	public boolean isEmpty() {
		return labels.isEmpty();
	}
}
