package dev.tandem.okr;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A check-in ready to complete: the value pre-filled (from the linked KPI's latest period, or
 * else the latest check-in), the last confidence, and what the key result aims at; a person
 * adds a confidence and a sentence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInDraft(long keyResultId, String title, KeyResultType type, Double value, ValueSource valueSource,
		String kpi, LocalDate kpiPeriodStart, Boolean done, Integer confidence, Double baseline, Double target,
		String unit) {
}
