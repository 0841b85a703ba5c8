package dev.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.Actor;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.NotFoundException;

/**
 * The KPI module's API: definitions, measurements and health, each call one transaction.
 * Writing a definition is {@link KpiDefinitions}' work, values per period {@link KpiPeriods}'
 * and turning stored KPIs into views {@link KpiViews}'; what stays here judges health and
 * records measurements.
 */
@Service
@Transactional(readOnly = true)
public class Kpis {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Kpis.class);

	private final KpiRepository repository;
	private final KpiReader reader;
	private final MeasurementStore store;
	private final MeasurementRecorder recorder;
	private final KpiHistory history;
	private final KpiViews views;
	private final KpiDefinitions definitions;
	private final KpiPeriods periods;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	Kpis(KpiRepository repository, KpiReader reader, MeasurementStore store, MeasurementRecorder recorder,
			KpiHistory history, KpiViews views, KpiDefinitions definitions, KpiPeriods periods, Organisation organisation,
			Permissions permissions, ApplicationEventPublisher events, Clock clock, ZoneId zone) {
		this.repository = repository;
		this.reader = reader;
		this.store = store;
		this.recorder = recorder;
		this.history = history;
		this.views = views;
		this.definitions = definitions;
		this.periods = periods;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** What the audit trail keeps of a write of measurements: how many, how, and (up to 100 of) which KPIs. */
	public record RecordedMeasurements(int accepted, Source source, List<String> kpis) {
	}

	@Transactional
	public KpiView create(KpiDefinition definition) {
		return definitions.create(definition);
	}

	@Transactional
	public KpiView update(String key, KpiDefinition definition, Long expectedVersion) {
		return definitions.update(key, definition, expectedVersion);
	}

	@Transactional
	public void delete(String key) {
		definitions.delete(key);
	}

	public KpiView get(String key) {
		var kpi = kpi(key);
		return views.of(kpi, store.state(kpi.id()));
	}

	public Optional<KpiView> find(String key) {
		return repository.findByKey(key).map(kpi -> views.of(kpi, store.state(kpi.id())));
	}

	/** Every KPI, or a team's, with its health: one pass over definitions and states. */
	public List<KpiView> list(String teamKey) {
		var teamId = teamKey == null ? null : team(teamKey).id();
		return views.of(reader.all(teamId), store.states());
	}

	/** The KPIs with these keys, by key order, with their health; unknown keys are left out. */
	public List<KpiView> listByKeys(Collection<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		var found = reader.byKeys(keys).values().stream().sorted(java.util.Comparator.comparing(Kpi::key)).toList();
		return views.of(found, store.states(found.stream().map(Kpi::id).toList()));
	}

	/** The KPIs a person owns, with their health; none for an unknown username. */
	public List<KpiView> ownedBy(String username) {
		return organisation.findPerson(username).map(person -> listByKeys(reader.keysOwnedBy(person.id()))).orElse(List.of());
	}

	/** The keys and names of the KPIs with these ids, by id: turning stored ids into keys without reading every KPI. */
	public Map<Long, KpiName> names(Collection<Long> ids) {
		return ids.isEmpty() ? Map.of() : reader.names(ids);
	}

	/** The ids and names of the KPIs with these keys, by key; unknown keys are left out. */
	public Map<String, KpiName> namesByKey(Collection<String> keys) {
		return keys.isEmpty() ? Map.of() : reader.namesByKey(keys);
	}

	/** At most {@code limit} KPIs whose key or name contains the text, those starting with it first: a picker's matches. */
	public List<KpiName> search(String text, int limit) {
		return reader.search(text, limit);
	}

	/** The KPIs this one drives, by key: one statement, not every KPI read to look for it among their drivers. */
	public List<KpiName> drivenBy(String key) {
		return reader.drivenBy(key);
	}

	/** For each of these KPIs that drives other KPIs, how many it drives. */
	public Map<String, Integer> drives(Collection<String> keys) {
		return keys.isEmpty() ? Map.of() : reader.drives(keys);
	}

	public List<KpiChange> history(String key) {
		return history.of(kpi(key).id());
	}

	public KpiHealth health(String key) {
		var kpi = kpi(key);
		return HealthRules.evaluate(kpi, store.state(kpi.id()), clock.instant(), zone);
	}

	/**
	 * The health of the KPIs with these keys, by key; unknown keys are left out. Reads just those
	 * KPIs (a few statements per thousand keys), so an objective's page does not pay for the
	 * whole dashboard.
	 */
	public Map<String, KpiHealth> health(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		var found = reader.byKeys(keys);
		var states = store.states(found.values().stream().map(Kpi::id).toList());
		var now = clock.instant();
		var health = new HashMap<String, KpiHealth>();
		found.forEach((key, kpi) -> health.put(key,
				HealthRules.evaluate(kpi, states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())), now, zone)));
		return health;
	}

	/** Which of these keys name a KPI: for an import that reports an unknown KPI with a row's other problems. */
	public Set<String> existing(Collection<String> keys) {
		return keys.isEmpty() ? Set.of() : Set.copyOf(reader.byKeys(keys).keySet());
	}

	/** The health of every KPI, or of a team's: the dashboard in one call. */
	public List<KpiHealth> health(Optional<String> teamKey) {
		var teamId = teamKey.map(key -> team(key).id()).orElse(null);
		long t0 = System.nanoTime();
		var all = reader.forHealth(teamId);
		long t1 = System.nanoTime();
		var now = clock.instant();
		var health = new ArrayList<KpiHealth>(all.size());
		for (var entry : all) {
			health.add(HealthRules.evaluate(entry.getKey(), entry.getValue(), now, zone));
		}
		if (log.isDebugEnabled()) {
			log.debug("Health of {} KPIs: definitions and states {} ms, rules {} ms", all.size(), (t1 - t0) / 1_000_000,
					(System.nanoTime() - t1) / 1_000_000);
		}
		return health;
	}

	/**
	 * Every amber or red KPI with what weighing it needs ({@link KpiStanding}): every KPI's health
	 * is judged now, as the dashboard does, but only the unhealthy ones are kept, and none is
	 * built into a full view. For a ranking of thousands that a page shows a few of.
	 */
	public List<KpiStanding> unhealthy() {
		return unhealthy(null);
	}

	/** As {@link #unhealthy()}, among the KPIs of these teams only (null: every team's). */
	public List<KpiStanding> unhealthy(Collection<Long> teamIds) {
		return standings(teamIds).stream().filter(kpi -> kpi.health().status().isUnhealthy()).toList();
	}

	/**
	 * Every KPI of these teams (null: every team's), healthy or not, as a {@link KpiStanding}
	 * judged now: what a page counts and sorts thousands of KPIs by before it shows a few in full.
	 */
	public List<KpiStanding> standings(Collection<Long> teamIds) {
		var teams = organisation.teamIndex();
		var now = clock.instant();
		var standings = new ArrayList<KpiStanding>();
		for (var read : reader.forStanding(teamIds)) {
			var health = HealthRules.evaluate(read.kpi(), read.state(), now, zone);
			var kpi = read.kpi();
			var t = kpi.thresholds();
			standings.add(new KpiStanding(kpi.key(), kpi.name(), teams.get(kpi.teamId()).key(), kpi.unit(), kpi.category(),
					kpi.indicator(), kpi.shape(), t.direction(), t.target(), t.warning(), t.lower(), t.upper(), t.tolerance(),
					t.baseline(), read.drivers(), read.drives(), health));
		}
		return standings;
	}

	/** How many KPIs there are, without reading them. */
	public long count() {
		return reader.count();
	}

	/** Records measurements of one KPI or many, all or nothing; labels name the inputs in errors. */
	@Transactional
	public int record(List<NewMeasurement> measurements, Function<Integer, String> label, Source source) {
		var keys = new HashSet<String>();
		for (var m : measurements) {
			if (m.kpi() != null) {
				keys.add(m.kpi());
			}
		}
		var byKey = reader.byKeys(keys);
		// permissions depend on the team and the owner only: ask once for each pair, not once per KPI
		var checked = new HashSet<List<Long>>();
		for (var kpi : byKey.values()) {
			if (checked.add(Arrays.asList(kpi.teamId(), kpi.ownerId()))) {
				permissions.requireRecorderOf(kpi.teamId(), kpi.ownerId());
			}
		}
		int accepted = recorder.record(measurements, label, source, Actor.current(), byKey);
		var sorted = keys.stream().sorted().limit(100).toList();
		var subject = keys.size() == 1 ? sorted.get(0) : keys.size() + " KPIs";
		events.publishEvent(new AuditableChange("kpi.measurements-recorded", subject,
				"Recorded " + accepted + " measurement" + (accepted == 1 ? "" : "s") + " (" + source + ") for " + subject,
				null, new RecordedMeasurements(accepted, source, sorted)));
		return accepted;
	}

	/** Refuses whoever may not record values of this KPI (a scheduled pull acts as the system and may). */
	public void requireRecorderOf(String key) {
		var kpi = kpi(key);
		permissions.requireRecorderOf(kpi.teamId(), kpi.ownerId());
	}

	/**
	 * Records what a scheduled pull fetched, as the API records (one transaction, roll-up, health,
	 * events), with source PULL and the connection as the recorder; a failing feed is failing no
	 * more. Not audited one by one: the pull module keeps every run.
	 */
	@Transactional
	public int recordPulled(String key, List<NewMeasurement> measurements, String recordedBy) {
		var kpi = kpi(key);
		var state = store.lockStates(List.of(kpi.id())).get(kpi.id());
		if (state.pullFailingSince() != null) {
			store.saveStates(List.of(state.withPullFailure(null, null)), clock.instant());
		}
		return recorder.record(measurements, i -> "[" + i + "]", Source.PULL, recordedBy, Map.of(key, kpi));
	}

	/**
	 * Marks the KPI's feed as failing (since its first failure in a row) with the reason, which
	 * makes it STALE, also before it has ever had data.
	 */
	@Transactional
	public void pullFailed(String key, String reason) {
		var kpi = kpi(key);
		var now = clock.instant();
		var state = store.lockStates(List.of(kpi.id())).get(kpi.id());
		var since = state.pullFailingSince() != null ? state.pullFailingSince() : now;
		var failing = state.withPullFailure(since, reason == null ? null
				: reason.length() > 500 ? reason.substring(0, 497) + "..." : reason);
		store.saveStates(List.of(recorder.judge(kpi, failing, now)), now);
	}

	public List<MeasurementView> measurements(String key, Instant from, Instant to, int limit, int offset) {
		var kpi = kpi(key);
		return store.measurements(kpi.id(), from, to, limit, offset).stream()
			.map(m -> new MeasurementView(m.id(), m.at(), m.value(), m.note(), m.source(), m.recordedBy(),
					m.recordedAt(), m.superseded()))
			.toList();
	}

	/**
	 * Hands every measurement of a KPI between two instants, oldest first, to {@code each} while
	 * the cursor reads them: an export of ten million rows holds one batch in memory, not the series.
	 */
	public long eachMeasurement(String key, Instant from, Instant to, Consumer<MeasurementView> each) {
		var kpi = kpi(key);
		var count = new long[1];
		try (var rows = store.stream(kpi.id(), from, to)) {
			rows.forEach(m -> {
				each.accept(new MeasurementView(m.id(), m.at(), m.value(), m.note(), m.source(), m.recordedBy(),
						m.recordedAt(), m.superseded()));
				count[0]++;
			});
		}
		return count[0];
	}

	/** The KPI's values per period (its own frequency) between two dates: what charts draw. */
	public List<PeriodValue> periods(String key, LocalDate from, LocalDate to) {
		return periods.of(kpi(key), from, to);
	}

	/**
	 * The KPI's values per period of another length than its own, rolled up from the raw points
	 * (a daily KPI seen by week or by month): the period switch of its chart. A finer frequency
	 * than the KPI's own is refused, since its points are not that dense.
	 */
	public List<PeriodValue> periods(String key, LocalDate from, LocalDate to, Frequency per) {
		return periods.of(kpi(key), from, to, per);
	}

	/** Each KPI's most recent period values (a few, oldest first) by key, from the state rows: sparklines. */
	public Map<String, List<PeriodValue>> recentPeriods() {
		return periods.recent();
	}

	/** The most recent period values (a few each, oldest first) of these KPIs, by key; unknown keys are left out. */
	public Map<String, List<PeriodValue>> recentPeriods(Collection<String> keys) {
		return periods.recent(reader.byKeys(keys).values());
	}

	/** One KPI's most recent period values (a few, oldest first), without reading every other KPI's. */
	public List<PeriodValue> recentPeriods(String key) {
		return periods.recent(kpi(key));
	}

	/** Marks the KPI as under improvement by an objective (or back to monitored with {@code null}). */
	@Transactional
	public void improving(String key, Long objectiveId) {
		var kpi = kpi(key);
		var state = store.lockStates(List.of(kpi.id())).get(kpi.id());
		var changed = new KpiState(state.kpiId(), state.lastAt(), state.lastValue(), state.pointCount(),
				state.recent(), state.status(), objectiveId, state.pullFailingSince(), state.pullFailure());
		store.saveStates(List.of(changed), clock.instant());
	}

	/** Raises a KPI's own thresholds (graduation), recording why in its history. */
	@Transactional
	public KpiView raiseThresholds(String key, Thresholds raised, String reason) {
		return definitions.raiseThresholds(key, raised, reason);
	}

	/** Rebuilds every KPI's periods and state from its raw points (after a change of time zone). */
	@Transactional
	public int rebuildAllPeriods() {
		return periods.rebuildAll();
	}

	private Kpi kpi(String key) {
		return repository.findByKey(key).orElseThrow(() -> new NotFoundException("KPI", key));
	}

	private TeamView team(String key) {
		return organisation.findTeam(key)
			.orElseThrow(() -> new InvalidInputException("team", "no team " + Quoted.of(key) + " exists"));
	}
}
