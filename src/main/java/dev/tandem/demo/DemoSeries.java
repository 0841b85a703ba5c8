package dev.tandem.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import dev.tandem.kpi.NewMeasurement;

/**
 * Generates a KPI's history: one point per step (day, week or month) back from today, the
 * value a function of how many days ago it was, with seeded noise so every start looks alike.
 */
final class DemoSeries {

	private final LocalDate today;
	private final ZoneId zone;
	private final Instant todaysPoint;
	private final Instant thisMorning;
	private final Random random;

	/**
	 * A series as of {@code now}, which falls on {@code today}. Today's point and what the demo
	 * records "this morning" both lie today and before now, today's point first, at whatever
	 * hour the demo loads: nine and two hours ago when it loads in the evening, half and three
	 * quarters of the way from midnight to now in the small hours.
	 */
	DemoSeries(LocalDate today, ZoneId zone, Instant now, long seed) {
		this.today = today;
		this.zone = zone;
		var midnight = today.atStartOfDay(zone).toInstant();
		// a load in the first two minutes of a day may put them up to a minute and a half ahead
		var elapsed = Duration.between(midnight, now).toMillis();
		elapsed = Math.max(elapsed, Duration.ofMinutes(2).toMillis());
		var nine = today.atTime(9, 0).atZone(zone).toInstant();
		var halfway = midnight.plusMillis(elapsed / 2);
		this.todaysPoint = nine.isBefore(halfway) ? nine : halfway;
		var twoHoursAgo = now.minus(Duration.ofHours(2));
		var threeQuarters = midnight.plusMillis(elapsed * 3 / 4);
		this.thisMorning = twoHoursAgo.isAfter(threeQuarters) ? twoHoursAgo : threeQuarters;
		this.random = new Random(seed);
	}

	enum Step {
		DAY, WEEK, MONTH
	}

	/**
	 * Points from {@code fromDaysAgo} to {@code toDaysAgo} (inclusive), each the shape's value
	 * for its age in days plus noise of the given size, rounded to {@code decimals}.
	 */
	List<NewMeasurement> series(String kpi, Step step, int fromDaysAgo, int toDaysAgo, DoubleUnaryOperator shape,
			double noise, int decimals) {
		var points = new ArrayList<NewMeasurement>();
		var date = today.minusDays(fromDaysAgo);
		var end = today.minusDays(toDaysAgo);
		while (!date.isAfter(end)) {
			long daysAgo = ChronoUnit.DAYS.between(date, today);
			double value = shape.applyAsDouble(daysAgo) + (random.nextDouble() * 2 - 1) * noise;
			double scale = Math.pow(10, decimals);
			points.add(new NewMeasurement(kpi, at(date), Math.round(value * scale) / scale, null));
			date = switch (step) {
				case DAY -> date.plusDays(1);
				case WEEK -> date.plusWeeks(1);
				case MONTH -> date.plusMonths(1);
			};
		}
		return points;
	}

	/** Nine in the morning, organisation time, when the numbers usually arrive; today's never ahead of now. */
	Instant at(LocalDate date) {
		return date.equals(today) ? todaysPoint : date.atTime(9, 0).atZone(zone).toInstant();
	}

	/** When the demo's newest values arrived today: after every series' point, before now. */
	Instant thisMorning() {
		return thisMorning;
	}

	/** A value that moves linearly from {@code then} (at {@code daysAgo}) to {@code now} (today). */
	static DoubleUnaryOperator ramp(double then, double now, double daysAgo) {
		return age -> age >= daysAgo ? then : now + (then - now) * age / daysAgo;
	}
}
