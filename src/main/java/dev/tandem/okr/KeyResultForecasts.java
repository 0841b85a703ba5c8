package dev.tandem.okr;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.Kpis;
import dev.tandem.okr.OkrReader.KeyResultRow;

/**
 * Forecasts for KPI-linked metric key results, from the KPI's last {@value #PERIODS} period
 * values (at most a year back), projected to the cycle's last day. Only for a key result's own
 * page: a whole cycle's forecasts would cost a query per KPI.
 */
@Component
class KeyResultForecasts {

	static final int PERIODS = 12;

	private final Kpis kpis;
	private final KpiLookup lookup;
	private final OkrViews views;

	KeyResultForecasts(Kpis kpis, KpiLookup lookup, OkrViews views) {
		this.kpis = kpis;
		this.lookup = lookup;
		this.views = views;
	}

	Optional<Forecast> forecast(KeyResultRow kr, Cycle cycle) {
		if (kr.kpiKey() == null || kr.type() != KeyResultType.METRIC || kr.target() == null || kr.baseline() == null
				|| cycle.closed()) {
			return Optional.empty();
		}
		var range = lookup.range(kr.kpiKey());
		if (range.isEmpty()) {
			return Optional.empty();
		}
		LocalDate today = views.today();
		var periods = kpis.periods(kr.kpiKey(), today.minusYears(1), today);
		var recent = periods.subList(Math.max(0, periods.size() - PERIODS), periods.size());
		if (recent.isEmpty()) {
			return Optional.empty();
		}
		var observations = recent.stream()
			.map(p -> new TrendForecast.Observation(p.lastAt(), p.value()))
			.toList();
		var direction = kr.target() > kr.baseline() ? MetricDirection.INCREASE : MetricDirection.DECREASE;
		return TrendForecast.project(observations, recent.get(0).periodStart(),
				TrendForecast.endOf(cycle.endDate(), views.zone()), cycle.endDate(), kr.target(), direction, range.get());
	}
}
