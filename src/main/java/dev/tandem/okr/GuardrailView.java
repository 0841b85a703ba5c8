package dev.tandem.okr;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.Trend;

/** A guardrail KPI with its health; {@code alert} when it is amber or red while the objective runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardrailView(String kpi, HealthStatus status, Double value, Trend trend, boolean alert, String note) {
}
