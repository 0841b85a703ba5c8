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

	static List<PeriodAggregate> decode(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		var periods = new ArrayList<PeriodAggregate>();
		for (var entry : text.split(";")) {
			var f = entry.split("\\|");
			long micros = Long.parseLong(f[5]);
			periods.add(new PeriodAggregate(LocalDate.parse(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
					Double.parseDouble(f[3]), Double.parseDouble(f[4]),
					Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L),
					Double.parseDouble(f[6])));
		}
		return periods;
	}
}
