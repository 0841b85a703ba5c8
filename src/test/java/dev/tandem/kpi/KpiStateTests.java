package dev.tandem.kpi;

import static dev.tandem.kpi.KpiFixtures.periods;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

class KpiStateTests {

	static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

	@Test
	void encodeAndDecodeRoundTrip() {
		var periods = List.of(
				PeriodAggregate.of(LocalDate.of(2026, 1, 1), Instant.parse("2026-01-31T23:59:59Z"), 42),
				PeriodAggregate.of(LocalDate.of(2026, 2, 1), Instant.parse("2026-02-03T10:15:30.123456Z"), -12.75)
					.plus(Instant.parse("2026-02-27T08:00:00.000001Z"), -0.001),
				new PeriodAggregate(MARCH, 3, -1e15, -9.87654321e14, 1e-9, Instant.parse("2026-03-31T21:59:59.999999Z"),
						-0.0));

		var text = KpiState.encode(periods);

		assertThat(text).doesNotContain("\n");
		assertThat(KpiState.decode(text)).isEqualTo(periods);
	}

	@Test
	void instantsBeforeTheEpochKeepTheirMicroseconds() {
		var periods = List.of(
				PeriodAggregate.of(LocalDate.of(1969, 12, 1), Instant.parse("1969-12-31T23:59:59.500123Z"), 1),
				PeriodAggregate.of(LocalDate.of(1900, 1, 1), Instant.parse("1900-01-01T00:00:00.000001Z"), 2),
				PeriodAggregate.of(LocalDate.of(1969, 12, 1), Instant.parse("1969-12-31T23:59:59.999999Z"), 3),
				PeriodAggregate.of(LocalDate.of(1970, 1, 1), Instant.parse("1970-01-01T00:00:00Z"), 4));

		assertThat(KpiState.decode(KpiState.encode(periods))).isEqualTo(periods);
	}

	@Test
	void nanosecondsAreTruncatedToMicrosecondsLikeTheDatabaseDoes() {
		var at = Instant.parse("2026-03-02T10:00:00.123456789Z");
		var before = Instant.parse("1969-07-20T20:17:40.987654321Z");

		var decoded = KpiState.decode(KpiState.encode(List.of(PeriodAggregate.of(MARCH, at, 1),
				PeriodAggregate.of(LocalDate.of(1969, 7, 1), before, 2))));

		assertThat(decoded.get(0).lastAt()).isEqualTo(at.truncatedTo(ChronoUnit.MICROS))
			.isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
		assertThat(decoded.get(1).lastAt()).isEqualTo(Instant.parse("1969-07-20T20:17:40.987654Z"));
	}

	@Test
	void extremeValuesSurvive() {
		var periods = List.of(new PeriodAggregate(MARCH, Long.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
				Double.MIN_VALUE, Instant.parse("2200-12-31T23:59:59.999999Z"), 0.1 + 0.2));

		assertThat(KpiState.decode(KpiState.encode(periods))).isEqualTo(periods);
	}

	@Test
	void noPeriodsIsEmptyText() {
		assertThat(KpiState.encode(List.of())).isEmpty();
		assertThat(KpiState.decode("")).isEmpty();
		assertThat(KpiState.decode(null)).isEmpty();
	}

	@Test
	void emptyStateHasNoData() {
		var state = KpiState.empty(5);

		assertThat(state.kpiId()).isEqualTo(5);
		assertThat(state.status()).isEqualTo(HealthStatus.NO_DATA);
		assertThat(state.recent()).isEmpty();
		assertThat(state.lastAt()).isNull();
		assertThat(state.lastValue()).isNull();
		assertThat(state.pointCount()).isZero();
	}

	@Test
	void withRecentKeepsTheLatestPeriodsAndTheirLastPoint() {
		var twelve = periods(Frequency.MONTHLY, LocalDate.of(2025, 1, 1), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		var state = KpiState.empty(5).withRecent(List.of(twelve.get(0)), 1).withRecent(twelve, 11);

		assertThat(state.recent()).hasSize(KpiState.RECENT).isEqualTo(twelve.subList(12 - KpiState.RECENT, 12));
		assertThat(state.recent().get(0).start()).isEqualTo(LocalDate.of(2025, 5, 1));
		assertThat(state.lastValue()).isEqualTo(12.0);
		assertThat(state.lastAt()).isEqualTo(twelve.get(11).lastAt());
		assertThat(state.pointCount()).isEqualTo(12);
	}

	@Test
	void withRecentAndWithStatusKeepEverythingElse() {
		var failing = Instant.parse("2026-03-01T00:00:00Z");
		var state = new KpiState(5, null, null, 0, List.of(), HealthStatus.NO_DATA, 9L, failing, "timeout");

		var changed = state.withRecent(periods(Frequency.DAILY, MARCH, 1, 2), 2).withStatus(HealthStatus.RED);

		assertThat(changed.status()).isEqualTo(HealthStatus.RED);
		assertThat(changed.improvingObjective()).isEqualTo(9L);
		assertThat(changed.pullFailingSince()).isEqualTo(failing);
		assertThat(changed.pullFailure()).isEqualTo("timeout");
		assertThat(changed.recent()).hasSize(2);
		assertThat(changed.lastValue()).isEqualTo(2.0);
	}

	@Test
	void numbersReadAsDoubleParseDoubleReadsThem() {
		var random = new java.util.Random(42);
		var values = new java.util.ArrayList<Double>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 0.3, 123456.789, 1e15, 1e-5, 1e22,
				1e23, 9007199254740993.0, 0.1 + 0.2, Double.MAX_VALUE, Double.MIN_VALUE, 95.33333333333333, 12.5));
		for (int i = 0; i < 20_000; i++) {
			values.add(random.nextDouble() * Math.pow(10, random.nextInt(20) - 6) * (random.nextBoolean() ? 1 : -1));
			values.add(Math.round(random.nextDouble() * 100_000) / 100.0);
		}
		for (double value : values) {
			var text = Double.toString(value);
			assertThat(Double.doubleToRawLongBits(KpiState.number(text, 0, text.length())))
				.as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
		}
		for (var text : List.of("5.", ".5", "007.50", "-0.000123", "123456789012345", "1234567890123456.5")) {
			assertThat(KpiState.number(text, 0, text.length())).as(text).isEqualTo(Double.parseDouble(text));
		}
		for (var text : List.of("", "-", ".", "1.2.3", "abc")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> KpiState.number(text, 0, text.length()))
				.as(text).isInstanceOf(NumberFormatException.class);
		}
	}
}
