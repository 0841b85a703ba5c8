package dev.tandem.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.tandem.kpi.Kpis;
import dev.tandem.okr.CheckInInput;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.KeyResultView;

/**
 * Weekly check-ins for a demo key result, from the cycle's first Friday to its last day (or to
 * today): a metric's value walks from its baseline towards where the story says it lands, a
 * KPI-linked one reads its KPI's value of that week, confidence drifts towards how it ends, and
 * now and then someone writes what changed, what they learned, what blocks them.
 */
final class DemoCheckIns {

	/**
	 * Where a key result's story goes: its value at the last check-in (a milestone: 1 when done;
	 * a KPI-linked metric reads its KPI instead), how confidence moves, and the notes of the first
	 * weeks (null for a week without one).
	 */
	record Story(double reach, int confidenceFrom, int confidenceTo, List<String> notes) {

		static Story of(double reach, int confidenceFrom, int confidenceTo, String... notes) {
			return new Story(reach, confidenceFrom, confidenceTo, Arrays.asList(notes));
		}
	}

	private final CheckIns checkIns;
	private final Kpis kpis;
	private final ZoneId zone;
	private final Instant now;
	private final Random random = new Random(7);

	DemoCheckIns(CheckIns checkIns, Kpis kpis, ZoneId zone, Instant now) {
		this.checkIns = checkIns;
		this.kpis = kpis;
		this.zone = zone;
		this.now = now;
	}

	/** Records the weekly check-ins between {@code start} and {@code last} (inclusive, and never after now). */
	void weekly(KeyResultView kr, Story story, LocalDate start, LocalDate last) {
		var days = weeks(start, last);
		for (int week = 0; week < days.size(); week++) {
			double share = days.size() == 1 ? 1 : (double) (week + 1) / days.size();
			int confidence = (int) Math.round(story.confidenceFrom() + (story.confidenceTo() - story.confidenceFrom()) * share);
			var note = week < story.notes().size() ? story.notes().get(week) : null;
			var at = days.get(week);
			if (kr.baseline() == null) {
				boolean done = week == days.size() - 1 ? story.reach() >= 1 : share >= 0.75 && story.reach() >= 1;
				checkIns.record(kr.id(), new CheckInInput(null, done, done ? 10 : confidence, note, null, null, null, at));
			}
			else {
				checkIns.record(kr.id(), new CheckInInput(value(kr, story, share, at), null, confidence, note,
						week == days.size() / 2 ? learned(kr) : null, null, null, at));
			}
		}
	}

	/** The KPI's value in the period that contains {@code day}, or null when it has none. */
	Double kpiValueAt(String kpi, LocalDate day) {
		var periods = kpis.periods(kpi, day.minusMonths(2), day);
		return periods.isEmpty() ? null : periods.get(periods.size() - 1).value();
	}

	private double value(KeyResultView kr, Story story, double share, Instant at) {
		if (kr.kpi() != null) {
			var fromKpi = kpiValueAt(kr.kpi(), LocalDate.ofInstant(at, zone));
			if (fromKpi != null) {
				return fromKpi;
			}
		}
		double span = story.reach() - kr.baseline();
		double noise = (random.nextDouble() * 2 - 1) * Math.abs(span) * 0.06;
		double value = kr.baseline() + span * share + (share < 1 ? noise : 0);
		return Math.round(value * 100) / 100.0;
	}

	private static String learned(KeyResultView kr) {
		return kr.kpi() != null ? "The KPI moves a week after our changes do; judge each change a fortnight on."
				: "Half of the effort goes into measuring; we automated the count.";
	}

	/** Fridays at 16:00 from the first one after the start, up to the last day and never in the future. */
	private List<Instant> weeks(LocalDate start, LocalDate last) {
		var days = new ArrayList<Instant>();
		for (var day = start.plusDays(3); !day.isAfter(last); day = day.plusWeeks(1)) {
			var at = day.atTime(16, 0).atZone(zone).toInstant();
			if (at.isAfter(now)) {
				break;
			}
			days.add(at);
		}
		return days;
	}
}
