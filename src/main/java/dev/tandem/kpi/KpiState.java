package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What health needs to know about a KPI's data: its latest point and its most recent periods
 * (oldest first). Kept in one row per KPI and rewritten on every write, so that judging every
 * KPI at once reads one row each and never the history.
 */
record KpiState(long kpiId, Instant lastAt, Double lastValue, long pointCount, List<PeriodAggregate> recent,
		HealthStatus status, Long improvingObjective, Instant pullFailingSince, String pullFailure) {

	/** How many recent periods are kept: enough for a trend and a run of worsening periods. */
	static final int RECENT = 8;

	static KpiState empty(long kpiId) {
		return new KpiState(kpiId, null, null, 0, List.of(), HealthStatus.NO_DATA, null, null, null);
	}

	KpiState withRecent(List<PeriodAggregate> periods, long addedPoints) {
		var kept = periods.size() > RECENT ? periods.subList(periods.size() - RECENT, periods.size()) : periods;
		var latest = kept.isEmpty() ? null : kept.get(kept.size() - 1);
		return new KpiState(kpiId, latest == null ? null : latest.lastAt(), latest == null ? null : latest.last(),
				pointCount + addedPoints, List.copyOf(kept), status, improvingObjective, pullFailingSince, pullFailure);
	}

	KpiState withStatus(HealthStatus newStatus) {
		return new KpiState(kpiId, lastAt, lastValue, pointCount, recent, newStatus, improvingObjective,
				pullFailingSince, pullFailure);
	}

	/** The state with its scheduled pull failing since then for this reason, or, with nulls, no longer failing. */
	KpiState withPullFailure(Instant since, String failure) {
		return new KpiState(kpiId, lastAt, lastValue, pointCount, recent, status, improvingObjective, since, failure);
	}

	/** Compact text for the recent periods: start|count|total|min|max|lastAt|last, separated by ';'. */
	static String encode(List<PeriodAggregate> periods) {
		var text = new StringBuilder();
		for (var p : periods) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append(p.start()).append('|').append(p.count()).append('|').append(p.total()).append('|')
				.append(p.min()).append('|').append(p.max()).append('|').append(p.lastAt().toEpochMilli() * 1000
						+ p.lastAt().getNano() / 1000 % 1000)
				.append('|').append(p.last());
		}
		return text.toString();
	}

	/**
	 * Reads {@link #encode}'s text without splitting it into strings: the dashboard decodes
	 * eight periods of every KPI on each call.
	 */
	static List<PeriodAggregate> decode(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		var periods = new ArrayList<PeriodAggregate>(RECENT);
		int[] bounds = new int[8];
		int from = 0;
		int length = text.length();
		while (from < length) {
			int end = text.indexOf(';', from);
			if (end < 0) {
				end = length;
			}
			bounds[0] = from - 1;
			int field = 1;
			for (int i = from; i < end && field < 7; i++) {
				if (text.charAt(i) == '|') {
					bounds[field++] = i;
				}
			}
			if (field != 7) {
				throw new IllegalArgumentException("not an encoded period: " + text.substring(from, end));
			}
			bounds[7] = end;
			long micros = Long.parseLong(text, bounds[5] + 1, bounds[6], 10);
			periods.add(new PeriodAggregate(date(text, bounds[0] + 1, bounds[1]),
					Long.parseLong(text, bounds[1] + 1, bounds[2], 10), number(text, bounds[2] + 1, bounds[3]),
					number(text, bounds[3] + 1, bounds[4]), number(text, bounds[4] + 1, bounds[5]),
					Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L),
					number(text, bounds[6] + 1, bounds[7])));
			from = end + 1;
		}
		return periods;
	}

	private static LocalDate date(String text, int from, int to) {
		if (to - from == 10 && text.charAt(from + 4) == '-' && text.charAt(from + 7) == '-') {
			int year = Integer.parseInt(text, from, from + 4, 10);
			int month = Integer.parseInt(text, from + 5, from + 7, 10);
			int day = Integer.parseInt(text, from + 8, from + 10, 10);
			return LocalDate.of(year, month, day);
		}
		return LocalDate.parse(text.substring(from, to));
	}

	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
			1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	/**
	 * A double as {@link Double#toString} wrote it. Plain decimals of at most 15 digits are read
	 * as digits / 10^k, which is exact in both parts and so correctly rounded (the same double
	 * {@link Double#parseDouble} gives); anything else (exponents, more digits) goes to it.
	 */
	static double number(String text, int from, int to) {
		int i = from;
		boolean negative = i < to && text.charAt(i) == '-';
		if (negative) {
			i++;
		}
		long digits = 0;
		int count = 0;
		int seen = 0;
		int fraction = -1;
		for (; i < to; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				seen++;
				if (digits != 0 || c != '0') {
					count++;
				}
				digits = digits * 10 + (c - '0');
				if (fraction >= 0) {
					fraction++;
				}
			}
			else if (c == '.' && fraction < 0) {
				fraction = 0;
			}
			else {
				return Double.parseDouble(text.substring(from, to));
			}
			if (count > 15) {
				return Double.parseDouble(text.substring(from, to));
			}
		}
		if (seen == 0 || fraction > 22) {
			return Double.parseDouble(text.substring(from, to));
		}
		double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
		return negative ? -value : value;
	}
}
