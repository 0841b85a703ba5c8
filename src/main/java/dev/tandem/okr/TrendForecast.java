package dev.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.tandem.kpi.ValueRange;

/**
 * Fits y = a + b·t by ordinary least squares (t in days) and projects it. The 95 % prediction
 * interval at t₀ is ŷ ± t(0.975, n−2) · s · √(1 + 1/n + (t₀ − t̄)² / Sₜₜ), with s the residual
 * standard error; the probability of reaching the target is the Student-t probability that a
 * new value at t₀ lies on the target's side. Three points at least: with two a line fits
 * exactly and says nothing about its scatter.
 */
final class TrendForecast {

	static final int MINIMUM_POINTS = 3;

	static final double LEVEL = 0.95;

	private static final double DAY_SECONDS = 86_400;

	private TrendForecast() {
	}

	/** One period value, dated by its latest measurement. */
	record Observation(Instant at, double value) {
	}

	static Optional<Forecast> project(List<Observation> points, LocalDate from, Instant until, LocalDate untilDay,
			double target, MetricDirection direction) {
		return project(points, from, until, untilDay, target, direction, ValueRange.UNBOUNDED);
	}

	/**
	 * As above, for a metric that can only take values in {@code range}: the projection and its
	 * interval are clipped to it, and the probability is taken on the censored distribution.
	 */
	static Optional<Forecast> project(List<Observation> points, LocalDate from, Instant until, LocalDate untilDay,
			double target, MetricDirection direction, ValueRange range) {
		int n = points.size();
		if (n < MINIMUM_POINTS) {
			return Optional.empty();
		}
		var origin = points.get(0).at();
		double[] t = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			t[i] = days(origin, points.get(i).at());
			y[i] = points.get(i).value();
		}
		double meanT = mean(t);
		double meanY = mean(y);
		double stt = 0;
		double sty = 0;
		for (int i = 0; i < n; i++) {
			stt += (t[i] - meanT) * (t[i] - meanT);
			sty += (t[i] - meanT) * (y[i] - meanY);
		}
		if (stt == 0) {
			return Optional.empty();
		}
		double slope = sty / stt;
		double intercept = meanY - slope * meanT;
		double residuals = 0;
		for (int i = 0; i < n; i++) {
			double r = y[i] - (intercept + slope * t[i]);
			residuals += r * r;
		}
		int df = n - 2;
		double s = Math.sqrt(residuals / df);
		double t0 = days(origin, until);
		double projected = intercept + slope * t0;
		double spread = s * Math.sqrt(1 + 1.0 / n + (t0 - meanT) * (t0 - meanT) / stt);
		double half = StudentT.quantile(0.5 + LEVEL / 2, df) * spread;
		double probability = probability(projected, spread, target, direction, df, range);
		return Optional.of(new Forecast(n, from, untilDay, Scoring.round(slope * 7), Scoring.round(range.clip(projected)),
				Scoring.round(range.clip(projected - half)), Scoring.round(range.clip(projected + half)), LEVEL,
				Scoring.round(probability), outlook(probability)));
	}

	/** P(value at the end is on the target's good side). With no scatter at all the line decides alone. */
	static double probability(double projected, double spread, double target, MetricDirection direction, int df) {
		double margin = direction == MetricDirection.INCREASE ? projected - target : target - projected;
		if (spread == 0 || !Double.isFinite(spread)) {
			return margin >= 0 ? 1 : 0;
		}
		return StudentT.cdf(margin / spread, df);
	}

	/**
	 * P(value at the end is on the target's good side) when the value cannot leave {@code range}:
	 * the t-distribution's mass outside the range is piled at its bounds (censored), so a target
	 * inside the range is reached as without it, a target at a bound only by the mass piled
	 * there, P(X ≥ max) — the same number — and a target beyond a bound never; a target at or
	 * behind the bound on the starting side (≤ min when increasing) is reached by every value.
	 */
	static double probability(double projected, double spread, double target, MetricDirection direction, int df,
			ValueRange range) {
		boolean increase = direction == MetricDirection.INCREASE;
		Double far = increase ? range.max() : range.min();
		Double near = increase ? range.min() : range.max();
		if (far != null && (increase ? target > far : target < far)) {
			return 0;
		}
		if (near != null && (increase ? target <= near : target >= near)) {
			return 1;
		}
		// target inside the range: clip(X) reaches it exactly when X does
		return probability(projected, spread, target, direction, df);
	}

	static Outlook outlook(double probability) {
		return probability >= 0.7 ? Outlook.LIKELY : probability >= 0.3 ? Outlook.POSSIBLE : Outlook.UNLIKELY;
	}

	static Instant endOf(LocalDate day, ZoneId zone) {
		return day.plusDays(1).atStartOfDay(zone).toInstant();
	}

	private static double days(Instant origin, Instant at) {
		return (at.getEpochSecond() - origin.getEpochSecond()) / DAY_SECONDS;
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return sum / values.length;
	}
}
