package dev.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/**
 * Writing KPI definitions, for {@link Kpis}: who may (the editors of the team, before and after
 * a move), the definition's rules, and what every write leaves behind: the KPI's health judged
 * again under the new definition, a row per changed field in its history, an audit event.
 */
@Component
class KpiDefinitions {

	private final KpiRepository repository;
	private final MeasurementStore store;
	private final MeasurementRecorder recorder;
	private final KpiHistory history;
	private final KpiViews views;
	private final KpiPeriods periods;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ObjectProvider<KpiPulls> pulls;

	KpiDefinitions(KpiRepository repository, MeasurementStore store, MeasurementRecorder recorder, KpiHistory history,
			KpiViews views, KpiPeriods periods, Organisation organisation, Permissions permissions,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<KpiPulls> pulls) {
		this.pulls = pulls;
		this.repository = repository;
		this.store = store;
		this.recorder = recorder;
		this.history = history;
		this.views = views;
		this.periods = periods;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
	}

	KpiView create(KpiDefinition definition) {
		var team = team(definition.team());
		permissions.requireEditorOf(team.id());
		if (repository.findByKey(definition.key()).isPresent()) {
			throw new ConflictException("A KPI with key " + Quoted.of(definition.key()) + " already exists.");
		}
		var now = clock.instant();
		var kpi = repository.save(toKpi(null, definition, team, null, now, now));
		savePull(kpi, definition);
		store.createState(kpi.id(), now);
		var view = views.of(kpi, store.state(kpi.id()));
		history.created(kpi.id(), view, now);
		events.publishEvent(new AuditableChange("kpi.created", view.key(), "Created KPI " + view.name(), null, view));
		return view;
	}

	KpiView update(String key, KpiDefinition definition, Long expectedVersion) {
		var existing = kpi(key);
		if (definition.key() != null && !definition.key().equals(key)) {
			throw new InvalidInputException("key", "a KPI's key cannot change (it is " + Quoted.of(key) + ")");
		}
		var version = expectedVersion != null ? expectedVersion : definition.version();
		if (version != null && !version.equals(existing.version())) {
			throw new ConflictException("The KPI " + Quoted.named(key, existing.name()) + " is at version " + existing.version() + ", not " + version
					+ "; reload it and apply your change again.");
		}
		var team = team(definition.team());
		permissions.requireEditorOf(existing.teamId());
		permissions.requireEditorOf(team.id());
		var before = views.of(existing, store.state(existing.id()));
		var now = clock.instant();
		var updated = repository.save(toKpi(existing, definition, team, existing.version(), existing.createdAt(), now));
		savePull(updated, definition);
		if (updated.frequency() != existing.frequency()) {
			periods.rebuild(updated);
		}
		var state = store.state(updated.id());
		store.saveStates(List.of(recorder.judge(updated, state, now)), now);
		var after = views.of(updated, store.state(updated.id()));
		history.changed(updated.id(), before, after, now, null);
		events.publishEvent(new AuditableChange("kpi.updated", key, "Changed KPI " + after.name(), before, after));
		return after;
	}

	void delete(String key) {
		var kpi = kpi(key);
		permissions.requireEditorOf(kpi.teamId());
		var before = views.of(kpi, store.state(kpi.id()));
		repository.delete(kpi);
		events.publishEvent(new AuditableChange("kpi.deleted", key, "Deleted KPI " + before.name(), before, null));
	}

	/** Raises a KPI's own thresholds (graduation), recording why in its history. */
	KpiView raiseThresholds(String key, Thresholds raised, String reason) {
		var existing = kpi(key);
		var problems = raised.problems(existing.shape(), "");
		problems.addAll(KpiDefinitionRules.outsideRange(existing.range(),
				existing.rangeMin() == null && existing.rangeMax() == null ? existing.unit() : null, raised, ""));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var before = views.of(existing, store.state(existing.id()));
		var now = clock.instant();
		var updated = repository.save(existing.withThresholds(raised, now));
		store.saveStates(List.of(recorder.judge(updated, store.state(updated.id()), now)), now);
		var after = views.of(updated, store.state(updated.id()));
		history.changed(updated.id(), before, after, now, reason);
		events.publishEvent(new AuditableChange("kpi.thresholds-raised", key, reason, before, after));
		return after;
	}

	private Kpi kpi(String key) {
		return repository.findByKey(key).orElseThrow(() -> new NotFoundException("KPI", key));
	}

	private TeamView team(String key) {
		return organisation.findTeam(key)
			.orElseThrow(() -> new InvalidInputException("team", "no team " + Quoted.of(key) + " exists"));
	}

	/** A PULL KPI's settings go to the pull module; a KPI of another source keeps none. */
	private void savePull(Kpi kpi, KpiDefinition d) {
		var store = pulls.getIfAvailable();
		if (store != null) {
			store.save(kpi.id(), d.source() == Source.PULL ? d.pull() : null);
		}
	}

	private List<FieldProblem> pullProblems(KpiDefinition d) {
		if (d.source() == Source.PULL && d.pull() == null) {
			return List.of(new FieldProblem("pull", "a KPI with source PULL needs its pull settings: "
					+ "{\"connection\": its id or name, \"query\": what to run, \"schedule\"?: a cron}"));
		}
		if (d.source() != Source.PULL && d.pull() != null) {
			return List.of(new FieldProblem("pull", "only a KPI with source PULL has pull settings; set source to PULL "
					+ "or leave pull out"));
		}
		return List.of();
	}

	/** The definition as a KPI to save, once its owner, its drivers and its rules check out. */
	private Kpi toKpi(Kpi existing, KpiDefinition d, TeamView team, Long version, Instant createdAt, Instant now) {
		var problems = new ArrayList<FieldProblem>();
		var owner = organisation.findPerson(d.owner());
		if (owner.isEmpty()) {
			problems.add(new FieldProblem("owner", "no person '" + d.owner() + "' exists"));
		}
		var driverKeys = d.drivers() == null ? List.<String>of() : d.drivers();
		var drivers = repository.findAllByKeyIn(driverKeys).stream().collect(Collectors.toMap(Kpi::key, k -> k));
		problems.addAll(KpiDefinitionRules.problems(d, drivers));
		problems.addAll(pullProblems(d));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var store = pulls.getIfAvailable();
		if (d.pull() != null && store != null) {
			store.check(d.pull(), d.frequency());
		}
		var seasonal = d.thresholdsByPeriod() == null ? Set.<PeriodThreshold>of()
				: d.thresholdsByPeriod().stream()
					.map(entry -> new PeriodThreshold(entry.from(), entry.thresholds()))
					.collect(Collectors.toSet());
		return new Kpi(existing == null ? null : existing.id(), d.key(), d.name().strip(), d.description(), team.id(),
				owner.get().id(), d.unit(), d.currency(), d.min(), d.max(), d.formula(), d.source(), d.frequency(), d.aggregation(),
				d.category(), d.indicator(), d.shape(), d.thresholds(),
				drivers.values().stream().map(k -> new Kpi.Driver(k.id())).collect(Collectors.toSet()), seasonal,
				version, createdAt, now);
	}
}
