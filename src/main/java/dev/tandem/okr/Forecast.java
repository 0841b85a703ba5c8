package dev.tandem.okr;

import java.time.LocalDate;

/**
 * Where a KPI-linked key result is heading: a straight line fitted by least squares to the
 * KPI's recent period values, projected to the end of the cycle with a 95 % prediction
 * interval, and the probability (under that line and its scatter) that the value at the end
 * reaches the target.
 *
 * @param periods how many period values the line was fitted to
 * @param from the first of them (period start)
 * @param at the day projected to: the cycle's last day
 * @param trendPerWeek the fitted slope, per seven days
 * @param level the interval's coverage, 0.95
 */
public record Forecast(int periods, LocalDate from, LocalDate at, double trendPerWeek, double projected, double lower,
		double upper, double level, double probability, Outlook outlook) {
}
