package dev.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.org.TeamView;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/** The KPI module's API: definitions, measurements and health. */
@Service
@Transactional(readOnly = true)
public class Kpis {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Kpis.class);

	private final KpiRepository repository;
	private final KpiReader reader;
	private final MeasurementStore store;
	private final MeasurementRecorder recorder;
	private final KpiHistory history;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	Kpis(KpiRepository repository, KpiReader reader, MeasurementStore store, MeasurementRecorder recorder,
			KpiHistory history, Organisation organisation, Permissions permissions, ApplicationEventPublisher events,
			Clock clock, ZoneId zone) {
		this.repository = repository;
		this.reader = reader;
		this.store = store;
		this.recorder = recorder;
		this.history = history;
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
		var team = team(definition.team());
		permissions.requireEditorOf(team.id());
		if (repository.findByKey(definition.key()).isPresent()) {
			throw new ConflictException("A KPI with key '" + definition.key() + "' already exists.");
		}
		var now = clock.instant();
		var kpi = repository.save(toKpi(null, definition, team, null, now, now));
		store.createState(kpi.id(), now);
		var view = view(kpi, store.state(kpi.id()));
		history.created(kpi.id(), view, now);
		events.publishEvent(new AuditableChange("kpi.created", view.key(), "Created KPI " + view.name(), null, view));
		return view;
	}

	@Transactional
	public KpiView update(String key, KpiDefinition definition, Long expectedVersion) {
		var existing = kpi(key);
		if (definition.key() != null && !definition.key().equals(key)) {
			throw new InvalidInputException("key", "a KPI's key cannot change (it is '" + key + "')");
		}
		var version = expectedVersion != null ? expectedVersion : definition.version();
		if (version != null && !version.equals(existing.version())) {
			throw new ConflictException("The KPI '" + key + "' is at version " + existing.version() + ", not " + version
					+ "; reload it and apply your change again.");
		}
		var team = team(definition.team());
		permissions.requireEditorOf(existing.teamId());
		permissions.requireEditorOf(team.id());
		var before = view(existing, store.state(existing.id()));
		var now = clock.instant();
		var updated = repository.save(toKpi(existing, definition, team, existing.version(), existing.createdAt(), now));
		if (updated.frequency() != existing.frequency()) {
			rebuildPeriods(updated);
		}
		var state = store.state(updated.id());
		store.saveStates(List.of(recorder.judge(updated, state, now)), now);
		var after = view(updated, store.state(updated.id()));
		history.changed(updated.id(), before, after, now, null);
		events.publishEvent(new AuditableChange("kpi.updated", key, "Changed KPI " + after.name(), before, after));
		return after;
	}

	@Transactional
	public void delete(String key) {
		var kpi = kpi(key);
		permissions.requireEditorOf(kpi.teamId());
		var before = view(kpi, store.state(kpi.id()));
		repository.delete(kpi);
		events.publishEvent(new AuditableChange("kpi.deleted", key, "Deleted KPI " + before.name(), before, null));
	}

	public KpiView get(String key) {
		var kpi = kpi(key);
		return view(kpi, store.state(kpi.id()));
	}

	public Optional<KpiView> find(String key) {
		return repository.findByKey(key).map(kpi -> view(kpi, store.state(kpi.id())));
	}

	/** Every KPI, or a team's, with its health: one pass over definitions and states. */
	public List<KpiView> list(String teamKey) {
		var teamId = teamKey == null ? null : team(teamKey).id();
		var states = store.states();
		var teams = organisation.teamIndex();
		var people = organisation.personIndex();
		var keys = keysById();
		return reader.all(teamId).stream()
			.map(kpi -> view(kpi, states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())), teams, people, keys))
			.toList();
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

	public List<MeasurementView> measurements(String key, Instant from, Instant to, int limit, int offset) {
		var kpi = kpi(key);
		return store.measurements(kpi.id(), from, to, limit, offset).stream()
			.map(m -> new MeasurementView(m.id(), m.at(), m.value(), m.note(), m.source(), m.recordedBy(),
					m.recordedAt(), m.superseded()))
			.toList();
	}

	/** The KPI's values per period (its own frequency) between two dates: what charts draw. */
	public List<PeriodValue> periods(String key, LocalDate from, LocalDate to) {
		var kpi = kpi(key);
		return store.periods(kpi.id(), from, to).stream()
			.map(p -> new PeriodValue(p.start(), p.value(kpi.aggregation()), p.count(), p.lastAt()))
			.toList();
	}

	/**
	 * The KPI's values per period of another length than its own, rolled up from the raw points
	 * (a daily KPI seen by week or by month): the period switch of its chart. A finer frequency
	 * than the KPI's own is refused, since its points are not that dense.
	 */
	public List<PeriodValue> periods(String key, LocalDate from, LocalDate to, Frequency per) {
		var kpi = kpi(key);
		if (per == kpi.frequency()) {
			return periods(key, from, to);
		}
		if (per.compareTo(kpi.frequency()) < 0) {
			throw new InvalidInputException("period", "a " + kpi.frequency().name().toLowerCase()
					+ " KPI cannot be shown per " + per.name().toLowerCase() + " period");
		}
		var start = per.periodStart(from).atStartOfDay(zone).toInstant();
		var end = per.nextPeriodStart(per.periodStart(to)).atStartOfDay(zone).toInstant();
		return store.rollUp(kpi.id(), per, zone, start, end).stream()
			.map(p -> new PeriodValue(p.start(), p.value(kpi.aggregation()), p.count(), p.lastAt()))
			.toList();
	}

	/** Each KPI's most recent period values (a few, oldest first) by key, from the state rows: sparklines. */
	public Map<String, List<PeriodValue>> recentPeriods() {
		var states = store.states();
		return reader.all(null).stream().collect(Collectors.toMap(Kpi::key,
				kpi -> states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())).recent().stream()
					.map(p -> new PeriodValue(p.start(), p.value(kpi.aggregation()), p.count(), p.lastAt()))
					.toList()));
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
		var existing = kpi(key);
		var problems = raised.problems(existing.shape(), "");
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var before = view(existing, store.state(existing.id()));
		var now = clock.instant();
		var updated = repository.save(existing.withThresholds(raised, now));
		store.saveStates(List.of(recorder.judge(updated, store.state(updated.id()), now)), now);
		var after = view(updated, store.state(updated.id()));
		history.changed(updated.id(), before, after, now, reason);
		events.publishEvent(new AuditableChange("kpi.thresholds-raised", key, reason, before, after));
		return after;
	}

	/** Rebuilds every KPI's periods and state from its raw points (after a change of time zone). */
	@Transactional
	public int rebuildAllPeriods() {
		var all = reader.all(null);
		all.forEach(this::rebuildPeriods);
		var now = clock.instant();
		var states = store.states();
		store.saveStates(all.stream().map(kpi -> recorder.judge(kpi, states.get(kpi.id()), now)).toList(), now);
		return all.size();
	}

	private void rebuildPeriods(Kpi kpi) {
		store.deleteAllPeriods(kpi.id());
		var periods = store.rollUp(kpi.id(), kpi.frequency(), zone, Instant.EPOCH.minusSeconds(5_000_000_000L),
				Instant.now(clock).plusSeconds(400_000));
		store.insertPeriods(kpi.id(), periods);
		var state = store.lockStates(List.of(kpi.id())).get(kpi.id());
		var recent = periods.size() > KpiState.RECENT ? periods.subList(periods.size() - KpiState.RECENT, periods.size())
				: periods;
		store.saveStates(List.of(state.withRecent(recent, 0)), clock.instant());
	}

	private Kpi kpi(String key) {
		return repository.findByKey(key).orElseThrow(() -> new NotFoundException("KPI", key));
	}

	private TeamView team(String key) {
		return organisation.findTeam(key)
			.orElseThrow(() -> new InvalidInputException("team", "no team '" + key + "' exists"));
	}

	private Kpi toKpi(Kpi existing, KpiDefinition d, TeamView team, Long version, Instant createdAt, Instant now) {
		var problems = new ArrayList<FieldProblem>();
		var owner = organisation.findPerson(d.owner());
		if (owner.isEmpty()) {
			problems.add(new FieldProblem("owner", "no person '" + d.owner() + "' exists"));
		}
		var driverKeys = d.drivers() == null ? List.<String>of() : d.drivers();
		var drivers = repository.findAllByKeyIn(driverKeys).stream().collect(Collectors.toMap(Kpi::key, k -> k));
		problems.addAll(KpiDefinitionRules.problems(d, drivers));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var seasonal = d.thresholdsByPeriod() == null ? java.util.Set.<PeriodThreshold>of()
				: d.thresholdsByPeriod().stream()
					.map(entry -> new PeriodThreshold(entry.from(), entry.thresholds()))
					.collect(Collectors.toSet());
		return new Kpi(existing == null ? null : existing.id(), d.key(), d.name().strip(), d.description(), team.id(),
				owner.get().id(), d.unit(), d.currency(), d.formula(), d.source(), d.frequency(), d.aggregation(),
				d.category(), d.indicator(), d.shape(), d.thresholds(),
				drivers.values().stream().map(k -> new Kpi.Driver(k.id())).collect(Collectors.toSet()), seasonal,
				version, createdAt, now);
	}

	private Map<Long, String> keysById() {
		return reader.keysById();
	}

	private KpiView view(Kpi kpi, KpiState state) {
		var keys = repository.findAllById(kpi.drivers().stream().map(Kpi.Driver::driverId).toList()).stream()
			.collect(Collectors.toMap(Kpi::id, Kpi::key));
		return view(kpi, state, organisation.teamIndex(), organisation.personIndex(), keys);
	}

	private KpiView view(Kpi kpi, KpiState state, Map<Long, TeamView> teams, Map<Long, PersonView> people,
			Map<Long, String> keys) {
		var t = kpi.thresholds();
		var seasonal = kpi.thresholdsByPeriod().stream()
			.sorted(Comparator.comparing(PeriodThreshold::validFrom))
			.map(p -> {
				var s = p.thresholds();
				return new KpiView.PeriodThresholdView(p.validFrom(), s.direction(), s.target(), s.warning(), s.lower(),
						s.upper(), s.tolerance(), s.baseline(), s.baselineDate(), s.targetDate());
			})
			.toList();
		var owner = kpi.ownerId() == null ? null : people.get(kpi.ownerId());
		var drivers = kpi.drivers().stream().map(d -> keys.get(d.driverId())).sorted().toList();
		return new KpiView(kpi.id(), kpi.key(), kpi.name(), kpi.description(), teams.get(kpi.teamId()).key(),
				owner == null ? null : owner.username(), kpi.unit(), kpi.currency(), kpi.formula(), kpi.source(),
				kpi.frequency(), kpi.aggregation(), kpi.category(), kpi.indicator(), drivers, kpi.shape(), t.direction(),
				t.target(), t.warning(), t.lower(), t.upper(), t.tolerance(), t.baseline(), t.baselineDate(),
				t.targetDate(), seasonal, kpi.version(), kpi.createdAt(), kpi.updatedAt(),
				HealthRules.evaluate(kpi, state, clock.instant(), zone));
	}
}
