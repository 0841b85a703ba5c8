package dev.tandem.okr;

import java.util.List;
import java.util.Map;

/**
 * A whole cycle on one page: every objective with its key results, scores and statuses
 * (company objectives first, then by team), how many objectives stand where, and the cycle's
 * mean objective score (absent with nothing scored).
 */
public record CycleOverview(CycleView cycle, Double score, Map<OkrStatus, Long> statuses,
		List<OverviewObjective> objectives) {
}
