package dev.tandem.okr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.sheet.Sheet;

/**
 * The OKR module's exports. A cycle's OKRs are one row per key result, its objective's columns
 * repeated, in the columns the OKR import reads first ({@code objective, level, team, owner,
 * parent, commitment, key_result, type, kr_owner, baseline, target, unit, kpi, weight}) and then
 * where each stands: scores, statuses, confidence and the latest check-in. An objective without
 * key results is one row with the key result's columns empty.
 */
final class CycleSheets {

	private CycleSheets() {
	}

	record OverviewRow(CycleView cycle, OverviewObjective objective, String parent, OverviewObjective.KeyResult keyResult,
			CheckInView latest) {

		private <T> T kr(java.util.function.Function<OverviewObjective.KeyResult, T> value) {
			return keyResult == null ? null : value.apply(keyResult);
		}

		private <T> T last(java.util.function.Function<CheckInView, T> value) {
			return latest == null ? null : value.apply(latest);
		}
	}

	static List<OverviewRow> rows(CycleOverview overview, Map<Long, CheckInView> latest) {
		var titles = new HashMap<Long, String>();
		overview.objectives().forEach(o -> titles.put(o.id(), o.title()));
		var rows = new ArrayList<OverviewRow>();
		for (var o : overview.objectives()) {
			var parent = o.parentId() == null ? null : titles.getOrDefault(o.parentId(), "#" + o.parentId());
			if (o.keyResults().isEmpty()) {
				rows.add(new OverviewRow(overview.cycle(), o, parent, null, null));
			}
			for (var kr : o.keyResults()) {
				rows.add(new OverviewRow(overview.cycle(), o, parent, kr, latest.get(kr.id())));
			}
		}
		return rows;
	}

	static final Sheet<OverviewRow> OVERVIEW = Sheet.<OverviewRow>named("OKRs")
		.column("objective", r -> r.objective().title())
		.column("level", r -> r.objective().level())
		.column("team", r -> r.objective().team())
		.column("owner", r -> r.objective().owner())
		.column("parent", OverviewRow::parent)
		.column("commitment", r -> r.objective().commitment())
		.column("key_result", r -> r.kr(OverviewObjective.KeyResult::title))
		.column("type", r -> r.kr(OverviewObjective.KeyResult::type))
		.column("kr_owner", r -> r.kr(OverviewObjective.KeyResult::owner))
		.column("baseline", r -> r.kr(OverviewObjective.KeyResult::baseline))
		.column("target", r -> r.kr(OverviewObjective.KeyResult::target))
		.column("unit", r -> r.kr(OverviewObjective.KeyResult::unit))
		.column("kpi", r -> r.kr(OverviewObjective.KeyResult::kpi))
		.column("weight", r -> r.kr(OverviewObjective.KeyResult::weight))
		.column("objective_state", r -> r.objective().state())
		.column("objective_score", r -> r.objective().score())
		.column("objective_status", r -> r.objective().status())
		.column("objective_confidence", r -> r.objective().confidence())
		.column("current", r -> r.kr(OverviewObjective.KeyResult::current))
		.column("progress", r -> r.kr(OverviewObjective.KeyResult::progress))
		.column("score", r -> r.kr(OverviewObjective.KeyResult::score))
		.column("colour", r -> r.kr(OverviewObjective.KeyResult::colour))
		.column("status", r -> r.kr(OverviewObjective.KeyResult::status))
		.column("done", r -> r.kr(OverviewObjective.KeyResult::done))
		.column("confidence", r -> r.kr(OverviewObjective.KeyResult::confidence))
		.column("last_check_in_at", r -> r.last(CheckInView::at))
		.column("last_check_in_value", r -> r.last(CheckInView::value))
		.column("last_check_in_confidence", r -> r.last(CheckInView::confidence))
		.column("last_check_in_changed", r -> r.last(CheckInView::changed))
		.column("last_check_in_blockers", r -> r.last(CheckInView::blockers))
		.column("cycle", r -> r.cycle().name())
		.column("objective_id", r -> r.objective().id())
		.column("key_result_id", r -> r.kr(OverviewObjective.KeyResult::id));

	static final Sheet<CycleCheckIn> CHECK_INS = Sheet.<CycleCheckIn>named("Check-ins")
		.column("at", c -> c.checkIn().at())
		.column("objective", CycleCheckIn::objective)
		.column("key_result", CycleCheckIn::keyResult)
		.column("value", c -> c.checkIn().value())
		.column("done", c -> c.checkIn().done())
		.column("confidence", c -> c.checkIn().confidence())
		.column("progress", c -> c.checkIn().progress())
		.column("baseline", c -> c.checkIn().baseline())
		.column("target", c -> c.checkIn().target())
		.column("value_source", c -> c.checkIn().valueSource())
		.column("changed", c -> c.checkIn().changed())
		.column("learned", c -> c.checkIn().learned())
		.column("blockers", c -> c.checkIn().blockers())
		.column("decision", c -> c.checkIn().decision())
		.column("recorded_by", c -> c.checkIn().recordedBy())
		.column("recorded_at", c -> c.checkIn().recordedAt())
		.column("objective_id", CycleCheckIn::objectiveId)
		.column("key_result_id", c -> c.checkIn().keyResultId())
		.column("id", c -> c.checkIn().id());
}
