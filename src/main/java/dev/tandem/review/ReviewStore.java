package dev.tandem.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.tandem.kpi.HealthStatus;

/** The reviews' tables: reviews with their agenda items and status snapshot, decisions, cadences. */
@Repository
class ReviewStore {

	static final List<String> SECTIONS = List.of("RED", "AMBER", "STALE", "WORSENING", "CHANGED", "PROPOSAL", "ALERT");

	private final JdbcClient jdbc;

	ReviewStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredReview(long id, long teamId, Instant heldAt, String heldBy) {
	}

	record StoredDecision(long id, long reviewId, long teamId, String action, long ownerId, LocalDate due, boolean done,
			Instant doneAt, long version, Instant createdAt) {
	}

	long insertReview(long teamId, Instant heldAt, String heldBy, Agenda agenda, Map<String, HealthStatus> statuses) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into kpi_review (team_id, held_at, held_by) values (?, ?, ?)")
			.params(teamId, utc(heldAt), heldBy)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		var sections = List.of(agenda.red(), agenda.amber(), agenda.stale(), agenda.worsening(),
				agenda.changedSinceLastReview(), agenda.proposals(), agenda.alerts());
		for (int s = 0; s < sections.size(); s++) {
			var items = sections.get(s);
			for (int i = 0; i < items.size(); i++) {
				var item = items.get(i);
				jdbc.sql("""
						insert into kpi_review_item (review_id, section, position, kpi_key, kpi_name, status, item_value, note, ref_id)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(id, SECTIONS.get(s), i, item.kpi(), cut(item.name(), 200),
							item.status() == null ? null : item.status().name(), item.value(), cut(item.note(), 1000), item.ref())
					.update();
			}
		}
		statuses.forEach((key, status) -> jdbc.sql("insert into kpi_review_status (review_id, kpi_key, status) values (?, ?, ?)")
			.params(id, key, status.name())
			.update());
		return id;
	}

	Optional<StoredReview> review(long id) {
		return jdbc.sql("select * from kpi_review where id = ?").param(id).query(ReviewStore::review).optional();
	}

	/** The team's latest review held before this instant. */
	Optional<StoredReview> lastBefore(long teamId, Instant before) {
		return jdbc.sql("select * from kpi_review where team_id = ? and held_at < ? order by held_at desc, id desc limit 1")
			.params(teamId, utc(before))
			.query(ReviewStore::review)
			.optional();
	}

	List<StoredReview> list(Long teamId, int limit, int offset) {
		return jdbc.sql("""
				select * from kpi_review where (cast(? as bigint) is null or team_id = ?)
				order by held_at desc, id desc limit ? offset ?""")
			.params(teamId, teamId, limit, offset)
			.query(ReviewStore::review)
			.list();
	}

	Map<Long, Integer> agendaSizes(List<Long> reviewIds) {
		var sizes = new HashMap<Long, Integer>();
		for (var id : reviewIds) {
			sizes.put(id, jdbc.sql("select count(*) from kpi_review_item where review_id = ?").param(id).query(Integer.class).single());
		}
		return sizes;
	}

	Agenda agenda(long reviewId) {
		var bySection = new LinkedHashMap<String, List<AgendaItem>>();
		SECTIONS.forEach(section -> bySection.put(section, new ArrayList<>()));
		jdbc.sql("select * from kpi_review_item where review_id = ? order by section, position")
			.param(reviewId)
			.query(rs -> {
				var status = rs.getString("status");
				var value = rs.getObject("item_value", Double.class);
				bySection.get(rs.getString("section")).add(new AgendaItem(rs.getString("kpi_key"), rs.getString("kpi_name"),
						status == null ? null : HealthStatus.valueOf(status), value, rs.getString("note"),
						(Long) rs.getObject("ref_id", Long.class)));
			});
		return new Agenda(bySection.get("RED"), bySection.get("AMBER"), bySection.get("STALE"), bySection.get("WORSENING"),
				bySection.get("CHANGED"), bySection.get("PROPOSAL"), bySection.get("ALERT"));
	}

	Map<String, HealthStatus> statuses(long reviewId) {
		var statuses = new HashMap<String, HealthStatus>();
		jdbc.sql("select kpi_key, status from kpi_review_status where review_id = ?")
			.param(reviewId)
			.query(rs -> {
				statuses.put(rs.getString("kpi_key"), HealthStatus.valueOf(rs.getString("status")));
			});
		return statuses;
	}

	long insertDecision(long reviewId, String action, long ownerId, LocalDate due, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into review_decision (review_id, action, owner_id, due, done, version, created_at, updated_at)
				values (?, ?, ?, ?, false, 0, ?, ?)""")
			.params(reviewId, action, ownerId, due, utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Writes the decision if it is still at the expected version; false when someone changed it meanwhile. */
	boolean updateDecision(StoredDecision d, long expectedVersion, Instant now) {
		return jdbc.sql("""
				update review_decision set action = ?, owner_id = ?, due = ?, done = ?, done_at = ?, version = version + 1,
				  updated_at = ? where id = ? and version = ?""")
			.params(d.action(), d.ownerId(), d.due(), d.done(), utc(d.doneAt()), utc(now), d.id(), expectedVersion)
			.update() == 1;
	}

	private static final String DECISIONS = """
			select d.*, r.team_id from review_decision d join kpi_review r on r.id = d.review_id""";

	Optional<StoredDecision> decision(long id) {
		return jdbc.sql(DECISIONS + " where d.id = ?").param(id).query(ReviewStore::decision).optional();
	}

	List<StoredDecision> decisionsOf(long reviewId) {
		return jdbc.sql(DECISIONS + " where d.review_id = ? order by d.id").param(reviewId).query(ReviewStore::decision).list();
	}

	Map<Long, int[]> decisionCounts(List<Long> reviewIds) {
		var counts = new HashMap<Long, int[]>();
		for (var id : reviewIds) {
			var all = jdbc.sql("select count(*) from review_decision where review_id = ?").param(id).query(Integer.class).single();
			var open = jdbc.sql("select count(*) from review_decision where review_id = ? and not done").param(id)
				.query(Integer.class).single();
			counts.put(id, new int[] { all, open });
		}
		return counts;
	}

	List<StoredDecision> openDecisionsOf(long ownerId) {
		return jdbc.sql(DECISIONS + " where d.owner_id = ? and not d.done order by d.due, d.id")
			.param(ownerId)
			.query(ReviewStore::decision)
			.list();
	}

	/** Open decisions due on this day or before: what the due notices and digests look for. */
	List<StoredDecision> openDecisionsDueBy(LocalDate day) {
		return jdbc.sql(DECISIONS + " where not d.done and d.due <= ? order by d.due, d.id")
			.param(day)
			.query(ReviewStore::decision)
			.list();
	}

	Optional<ReviewCadence> cadence(long teamId) {
		return jdbc.sql("select cadence from review_cadence where team_id = ?")
			.param(teamId)
			.query((rs, n) -> ReviewCadence.valueOf(rs.getString(1)))
			.optional();
	}

	void saveCadence(long teamId, ReviewCadence cadence, Instant now) {
		if (jdbc.sql("update review_cadence set cadence = ?, updated_at = ? where team_id = ?")
			.params(cadence.name(), utc(now), teamId)
			.update() == 0) {
			jdbc.sql("insert into review_cadence (team_id, cadence, updated_at) values (?, ?, ?)")
				.params(teamId, cadence.name(), utc(now))
				.update();
		}
	}

	private static StoredReview review(ResultSet rs, int n) throws SQLException {
		return new StoredReview(rs.getLong("id"), rs.getLong("team_id"), instant(rs, "held_at"), rs.getString("held_by"));
	}

	private static StoredDecision decision(ResultSet rs, int n) throws SQLException {
		return new StoredDecision(rs.getLong("id"), rs.getLong("review_id"), rs.getLong("team_id"), rs.getString("action"),
				rs.getLong("owner_id"), rs.getObject("due", LocalDate.class), rs.getBoolean("done"), instant(rs, "done_at"),
				rs.getLong("version"), instant(rs, "created_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
	}
}
