package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A KPI's health: its status and the value and period it was judged on, where a band KPI's
 * value lies, what a trajectory KPI expected, its trend and how many periods in a row it has
 * worsened, and whether an objective is improving it right now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiHealth(String kpi, HealthStatus status, Double value, LocalDate periodStart, Position position,
		Double expected, Trend trend, int worseningPeriods, Mode mode, Long improvingObjectiveId,
		Instant lastMeasuredAt, String staleReason) {

	/** Three consecutive worsening periods is a signal in itself, even while still green. */
	public static final int WORSENING_SIGNAL = 3;

	public boolean worseningSignal() {
		return worseningPeriods >= WORSENING_SIGNAL;
	}
}
