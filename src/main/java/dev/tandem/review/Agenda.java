package dev.tandem.review;

import java.util.List;
import java.util.stream.Stream;

/**
 * A KPI review's agenda as built from the data when the review was held: the team's red, amber
 * and stale KPIs, those worsening several periods running, what changed since the team's last
 * review (status changes, threshold changes, new KPIs), open proposals and guardrail alerts.
 */
public record Agenda(List<AgendaItem> red, List<AgendaItem> amber, List<AgendaItem> stale, List<AgendaItem> worsening,
		List<AgendaItem> changedSinceLastReview, List<AgendaItem> proposals, List<AgendaItem> alerts) {

	public int size() {
		return Stream.of(red, amber, stale, worsening, changedSinceLastReview, proposals, alerts).mapToInt(List::size).sum();
	}
}
