package dev.tandem.okr;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;

/**
 * Whether a cycle's dates may move: alignment across cycles was checked against the old dates
 * (a parent's cycle must enclose its child's), and check-ins were recorded within them. A move
 * that would break either is refused, naming what stands in the way.
 */
@Component
class CycleDates {

	private final JdbcClient jdbc;
	private final ZoneId zone;

	CycleDates(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	void requireMovable(Cycle cycle, LocalDate start, LocalDate end) {
		var broken = brokenAlignments(cycle.id(), start, end);
		if (!broken.isEmpty()) {
			var titles = jdbc.sql("select title from objective where id in (:ids) order by id").param("ids", broken)
				.query(String.class).list();
			throw new ConflictException((titles.size() == 1 ? "The objective " + Quoted.all(titles) + " aligns"
					: "The objectives " + Quoted.all(titles) + " align") + " across cycles in a way these dates would break "
					+ "(a parent's cycle must enclose its child's); realign " + (titles.size() == 1 ? "it" : "them") + " first.");
		}
		var outside = jdbc.sql("""
				select count(*) from check_in ci join key_result k on k.id = ci.key_result_id
				join objective o on o.id = k.objective_id
				where o.cycle_id = :cycle and (ci.checked_at < :from or ci.checked_at >= :until)""")
			.param("cycle", cycle.id())
			.param("from", OkrHistory.utc(start.atStartOfDay(zone).toInstant()))
			.param("until", OkrHistory.utc(end.plusDays(1).atStartOfDay(zone).toInstant()))
			.query(Long.class)
			.single();
		if (outside > 0) {
			throw new ConflictException(outside + " check-ins of this cycle would fall outside " + start + " to " + end
					+ "; choose dates that include them.");
		}
	}

	/** Objectives whose parent or contribution in another cycle would no longer be valid. */
	private List<Long> brokenAlignments(long cycleId, LocalDate start, LocalDate end) {
		return jdbc.sql("""
				select o.id from objective o
				join objective p on p.id = o.parent_id or p.id in
				  (select x.contributes_to_id from objective_contribution x where x.objective_id = o.id)
				join okr_cycle pc on pc.id = p.cycle_id
				where o.cycle_id = :cycle and p.cycle_id <> :cycle and (:start < pc.start_date or :end > pc.end_date)
				union
				select o.id from objective o
				join okr_cycle oc on oc.id = o.cycle_id
				join objective p on p.id = o.parent_id or p.id in
				  (select x.contributes_to_id from objective_contribution x where x.objective_id = o.id)
				where p.cycle_id = :cycle and o.cycle_id <> :cycle and (oc.start_date < :start or oc.end_date > :end)
				order by 1""")
			.param("cycle", cycleId)
			.param("start", start)
			.param("end", end)
			.query(Long.class)
			.list();
	}
}
