package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;

/**
 * The roll-ups that writes keep up to date, in memory while appending and in SQL for backfills
 * and corrections, must always equal rolling every stored point up again from scratch: for
 * every frequency and aggregation, across a change to summer time and month ends in the
 * organisation's zone (Europe/Berlin, where 23:30Z is already tomorrow), with batches that
 * append, merge into the period in progress, come out of order, and correct earlier points.
 */
@TandemTest
@TestPropertySource(properties = "tandem.zone=Europe/Berlin")
class RollUpTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	MeasurementStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void writesKeepTheRollUpsEqualToRollingUpEveryPointAgain() {
		var api = new ApiFixtures(mvc);
		var keys = new LinkedHashMap<String, Frequency>();
		for (var frequency : List.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY)) {
			for (var aggregation : Aggregation.values()) {
				keys.put(api.thresholdKpi(frequency.name(), aggregation.name()), frequency);
			}
		}
		// every 5 hours across the night summer time starts (2026-03-29) and month ends
		var start = Instant.parse("2026-03-20T22:30:00Z");
		var stored = new LinkedHashMap<String, List<MeasurementStore.Point>>();
		keys.keySet().forEach(key -> stored.put(key, new ArrayList<>()));

		// 1. appends into empty KPIs, many KPIs in one batch, interleaved by time (enough for COPY on PostgreSQL)
		record(keys, stored, key -> points(start, 0, 200));
		// 2. appends that continue the period in progress
		record(keys, stored, key -> points(start, 200, 230));
		// 3. out of order: a point in the middle of March, a correction of an existing instant, a new latest point
		record(keys, stored, key -> List.of(point(start.plusSeconds(3_600 * 5 * 10 + 1_800), 7.25),
				point(start.plusSeconds(3_600 * 5 * 20), -3.5), point(start.plusSeconds(3_600 * 5 * 235), 12.75)));
		// 4. after the latest point, but two records at one instant inside the batch: the second stands
		var later = start.plusSeconds(3_600 * 5 * 240);
		record(keys, stored, key -> List.of(point(later, 1.5), point(later, 2.5), point(later.plusSeconds(3_600), 4)));
		// 5. an unsorted batch after the latest point
		record(keys, stored, key -> List.of(point(later.plusSeconds(86_400 * 3), 9), point(later.plusSeconds(86_400), 8)));
	}

	private void record(Map<String, Frequency> keys, Map<String, List<MeasurementStore.Point>> stored,
			java.util.function.Function<String, List<MeasurementStore.Point>> batch) {
		var input = new ArrayList<NewMeasurement>();
		var byKey = new LinkedHashMap<String, List<MeasurementStore.Point>>();
		keys.keySet().forEach(key -> byKey.put(key, batch.apply(key)));
		int longest = byKey.values().stream().mapToInt(List::size).max().orElse(0);
		for (int i = 0; i < longest; i++) {
			for (var entry : byKey.entrySet()) {
				if (i < entry.getValue().size()) {
					var p = entry.getValue().get(i);
					input.add(new NewMeasurement(entry.getKey(), p.at(), p.value(), null));
				}
			}
		}
		kpis.record(input, i -> "[" + i + "]", Source.API);
		byKey.forEach((key, points) -> stored.get(key).addAll(points));

		for (var entry : keys.entrySet()) {
			var key = entry.getKey();
			var frequency = entry.getValue();
			long id = jdbc.sql("select id from kpi where slug = ?").param(key).query(Long.class).single();
			// stable: at one instant, the order recorded
			var sorted = new ArrayList<>(stored.get(key));
			sorted.sort(Comparator.comparing(MeasurementStore.Point::at));
			var expected = PeriodAggregate.rollUp(sorted, frequency, ZONE);

			var kept = store.periods(id, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
			var fromSql = store.rollUp(id, frequency, ZONE, Instant.parse("2000-01-01T00:00:00Z"),
					Instant.parse("2100-01-01T00:00:00Z"));
			assertThat(kept).as("%s periods as kept", key).isEqualTo(fromSql);
			assertThat(expected).as("%s periods rolled up in memory", key).isEqualTo(fromSql);
			var state = store.state(id);
			assertThat(state.recent()).as("%s recent periods", key)
				.isEqualTo(fromSql.subList(Math.max(0, fromSql.size() - KpiState.RECENT), fromSql.size()));
			var latest = fromSql.get(fromSql.size() - 1);
			assertThat(state.lastAt()).isEqualTo(latest.lastAt());
			assertThat(state.lastValue()).isEqualTo(latest.last());
			assertThat(state.pointCount()).isEqualTo(stored.get(key).size());
			for (var period : kept) {
				assertThat(period.start()).isEqualTo(frequency.periodStart(period.lastAt(), ZONE));
			}
		}
	}

	/** Points number from to until (exclusive), five hours apart, with values exact in binary so that sums are too. */
	private static List<MeasurementStore.Point> points(Instant start, int from, int until) {
		var points = new ArrayList<MeasurementStore.Point>();
		for (int i = from; i < until; i++) {
			points.add(point(start.plusSeconds(3_600L * 5 * i), (i * 37 % 23) * 0.25 - 2));
		}
		return points;
	}

	private static MeasurementStore.Point point(Instant at, double value) {
		return new MeasurementStore.Point(0, at, value, null);
	}
}
