package dev.tandem.review;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.loop.GuardrailAlertView;
import dev.tandem.loop.OwedView;
import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.okr.OkrStatus;

/**
 * A person's digest for a period (an ISO week, or a day for a daily digest): what they owe, their
 * KPIs that changed status since {@code since}, their objectives' scores and statuses with the
 * period's movement, their review decisions waiting and overdue, and guardrail alerts on their
 * objectives.
 */
public record DigestView(String person, DigestFrequency frequency, String period, Instant since, Instant generatedAt,
		OwedView owed, List<KpiStatusLine> kpisChanged, List<ObjectiveLine> objectives,
		List<DecisionView> decisionsWaiting, List<DecisionView> decisionsOverdue, List<GuardrailAlertView> alerts) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record KpiStatusLine(String kpi, String name, HealthStatus from, HealthStatus to, Instant at) {
	}

	/** {@code movement}: how much the score moved in the period, from the check-ins in it (0 without any). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ObjectiveLine(long id, String title, Double score, OkrStatus status, double movement, int checkIns) {
	}

	public boolean isEmpty() {
		return owed.total() == 0 && kpisChanged.isEmpty() && objectives.isEmpty() && decisionsOverdue.isEmpty()
				&& alerts.isEmpty();
	}
}
