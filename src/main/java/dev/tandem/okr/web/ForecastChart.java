package dev.tandem.okr.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.tandem.kpi.ChartSeries;
import dev.tandem.kpi.KpiFormat;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.PeriodValue;
import dev.tandem.okr.Forecast;
import dev.tandem.okr.KeyResultView;

/**
 * What a KPI-linked key result's forecast chart draws: the KPI's recent period values, then the
 * fitted line onwards to the end of the cycle with its 95 % prediction interval (drawn widening
 * from the last value to the interval at the cycle's end), and the target as a line.
 */
record ForecastChart(List<String> labels, List<ChartSeries> series, Double target, String unit,
		String description, String caption) {

	/** More future labels than this crowd the axis: they are thinned evenly. */
	static final int MAX_FUTURE_POINTS = 40;

	static ForecastChart of(KeyResultView kr, KpiView kpi, List<PeriodValue> periods) {
		var forecast = kr.forecast();
		var labels = new ArrayList<String>();
		var actual = new ArrayList<Double>();
		for (var p : periods) {
			labels.add(KpiFormat.periodLabel(p.periodStart(), kpi.frequency()));
			actual.add(p.value());
		}
		var projected = new ArrayList<Double>(Collections.nCopies(actual.size(), (Double) null));
		var lower = new ArrayList<Double>(projected);
		var upper = new ArrayList<Double>(projected);
		if (forecast != null && !periods.isEmpty()) {
			var last = periods.get(periods.size() - 1);
			int index = actual.size() - 1;
			projected.set(index, last.value());
			lower.set(index, last.value());
			upper.set(index, last.value());
			for (var day : future(last.periodStart(), forecast.at(), kpi)) {
				labels.add(day.equals(forecast.at()) ? "End " + KpiFormat.periodLabel(day, dev.tandem.kpi.Frequency.DAILY)
						: KpiFormat.periodLabel(day, kpi.frequency()));
				actual.add(null);
				double share = share(last.periodStart(), day, forecast.at());
				double value = forecast.projected() - forecast.trendPerWeek() * ChronoUnit.DAYS.between(day, forecast.at()) / 7.0;
				projected.add(round(value));
				lower.add(round(value - share * (forecast.projected() - forecast.lower())));
				upper.add(round(value + share * (forecast.upper() - forecast.projected())));
			}
		}
		var series = new ArrayList<ChartSeries>();
		series.add(new ChartSeries(kpi.name(), actual, "value"));
		if (forecast != null) {
			series.add(new ChartSeries("Forecast", projected, "expected"));
			series.add(new ChartSeries("95 % interval, low", lower, "reference"));
			series.add(new ChartSeries("95 % interval, high", upper, "reference"));
		}
		var unit = KpiFormat.unit(kpi);
		var description = kpi.name() + ", last " + periods.size() + " periods"
				+ (forecast == null ? "" : ", projected to " + KpiFormat.value(forecast.projected(), kpi) + " by the end of the cycle")
				+ (kr.target() == null ? "" : "; target " + KpiFormat.value(kr.target(), kpi));
		return new ForecastChart(labels, series, kr.target(), unit.isEmpty() ? "" : " " + unit, description,
				caption(forecast, kpi));
	}

	private static String caption(Forecast f, KpiView kpi) {
		if (f == null) {
			return "No forecast: it needs at least three periods of the KPI, and a cycle still open.";
		}
		return "Projected for " + KpiFormat.periodLabel(f.at(), dev.tandem.kpi.Frequency.DAILY) + ": "
				+ KpiFormat.value(f.projected(), kpi) + " (95 % interval " + KpiFormat.number(f.lower()) + " to "
				+ KpiFormat.value(f.upper(), kpi) + "), a " + Math.round(f.probability() * 100)
				+ " % chance of reaching the target: " + KpiFormat.words(f.outlook()).toLowerCase() + ". Trend "
				+ KpiFormat.number(f.trendPerWeek()) + " per week over " + f.periods() + " periods.";
	}

	/** Period starts after the last one up to the cycle's last day, which is always the final label. */
	private static List<LocalDate> future(LocalDate last, LocalDate end, KpiView kpi) {
		var days = new ArrayList<LocalDate>();
		for (var day = kpi.frequency().nextPeriodStart(last); day.isBefore(end); day = kpi.frequency().nextPeriodStart(day)) {
			days.add(day);
		}
		int stride = (int) Math.ceil(days.size() / (double) MAX_FUTURE_POINTS);
		var thinned = new ArrayList<LocalDate>();
		for (int i = stride - 1; i < days.size(); i += Math.max(1, stride)) {
			thinned.add(days.get(i));
		}
		if (end.isAfter(last)) {
			thinned.add(end);
		}
		return thinned;
	}

	private static double share(LocalDate from, LocalDate day, LocalDate end) {
		long whole = ChronoUnit.DAYS.between(from, end);
		return whole <= 0 ? 1 : Math.min(1, ChronoUnit.DAYS.between(from, day) / (double) whole);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
