package dev.tandem.kpi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a KPI with source PULL fetches its values: a connection (its id or its name), a query
 * in that connection's language, JSON Pointers for an HTTP JSON answer, and an optional cron
 * in the organisation's zone (default: once per period of the KPI's frequency).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiPull(@NotBlank @Size(max = 100) String connection, @NotBlank @Size(max = 4000) String query,
		@Size(max = 500) String valuePath, @Size(max = 500) String timePath, @Size(max = 100) String schedule) {
}
