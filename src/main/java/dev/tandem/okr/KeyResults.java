package dev.tandem.okr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/** Key results: written by the editors of their objective's team, frozen once the cycle is closed. */
@Service
@Transactional(readOnly = true)
public class KeyResults {

	private final KeyResultRepository keyResults;
	private final Objectives objectives;
	private final ObjectiveRules rules;
	private final OkrReader reader;
	private final OkrViews views;
	private final OkrHistory history;
	private final KeyResultForecasts forecasts;
	private final ImprovingMarks marks;
	private final Kpis kpis;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;

	KeyResults(KeyResultRepository keyResults, Objectives objectives, ObjectiveRules rules, OkrReader reader,
			OkrViews views, OkrHistory history, KeyResultForecasts forecasts, ImprovingMarks marks, Kpis kpis,
			Permissions permissions, ApplicationEventPublisher events) {
		this.keyResults = keyResults;
		this.objectives = objectives;
		this.rules = rules;
		this.reader = reader;
		this.views = views;
		this.history = history;
		this.forecasts = forecasts;
		this.marks = marks;
		this.kpis = kpis;
		this.permissions = permissions;
		this.events = events;
	}

	@Transactional
	public KeyResultView create(long objectiveId, KeyResultInput input) {
		var objective = objectives.objective(objectiveId);
		permissions.requireEditorOf(objective.teamId());
		objectives.cycle(objective).requireOpen();
		var checked = check(input);
		var now = views.now();
		int order = keyResults.findAllByObjectiveIdOrderBySortOrderAscIdAsc(objectiveId).stream()
			.mapToInt(KeyResult::sortOrder).max().orElse(0) + 1;
		var saved = keyResults.save(new KeyResult(null, objectiveId, input.title().strip(), input.type(),
				checked.ownerId(), checked.owner(), input.weightOrDefault(), checked.baseline(), input.target(),
				checked.unit(), input.kpi(), order, null, now, now));
		history.record(objectiveId, saved.id(), now, "created", null, saved.title());
		if (saved.kpiKey() != null) {
			events.publishEvent(new KeyResultLinked(saved.id(), objectiveId, saved.kpiKey()));
			marks.sync(List.of(saved.kpiKey()));
		}
		var view = view(saved.id());
		events.publishEvent(new AuditableChange("key-result.created", String.valueOf(view.id()),
				"Created key result '" + view.title() + "' of objective '" + objective.title() + "'", null, view));
		return view;
	}

	/** The key result with where it stands and, when it follows a KPI, a forecast for the cycle's end. */
	public KeyResultView get(long id) {
		var row = row(id);
		var objective = objectives.objective(row.objectiveId());
		var cycle = objectives.cycle(objective);
		var view = view(row, objective, cycle);
		return forecasts.forecast(row, cycle).map(view::withForecast).orElse(view);
	}

	@Transactional
	public KeyResultView update(long id, KeyResultInput input, Long expectedVersion) {
		var existing = keyResult(id);
		var version = expectedVersion != null ? expectedVersion : input.version();
		if (version != null && !version.equals(existing.version())) {
			throw new ConflictException("The key result " + Quoted.of(existing.title()) + " is at version " + existing.version() + ", not " + version
					+ "; reload it and apply your change again.");
		}
		var objective = objectives.objective(existing.objectiveId());
		permissions.requireEditorOf(objective.teamId());
		objectives.cycle(objective).requireOpen();
		if (input.type() != existing.type()) {
			throw new InvalidInputException("type", "a key result's type cannot change (it is " + existing.type()
					+ "); create a new key result instead");
		}
		if (input.baseline() == null && Objects.equals(input.kpi(), existing.kpiKey())) {
			// a linked key result keeps its baseline, rather than restarting from the KPI's value of today
			input = input.withBaseline(existing.baseline());
		}
		var checked = check(input);
		var before = view(id);
		var now = views.now();
		var saved = keyResults.save(new KeyResult(id, existing.objectiveId(), input.title().strip(), existing.type(),
				checked.ownerId(), checked.owner(), input.weightOrDefault(), checked.baseline(), input.target(),
				checked.unit(), input.kpi(), existing.sortOrder(), existing.version(), existing.createdAt(), now));
		history.changes(existing.objectiveId(), id, fields(existing), fields(saved), now);
		if (!Objects.equals(existing.kpiKey(), saved.kpiKey())) {
			if (existing.kpiKey() != null) {
				events.publishEvent(new KeyResultUnlinked(id, existing.objectiveId(), existing.kpiKey()));
			}
			if (saved.kpiKey() != null) {
				events.publishEvent(new KeyResultLinked(id, existing.objectiveId(), saved.kpiKey()));
			}
			marks.sync(Stream.of(existing.kpiKey(), saved.kpiKey()).filter(Objects::nonNull).toList());
		}
		var after = view(id);
		events.publishEvent(new AuditableChange("key-result.updated", String.valueOf(id),
				"Changed key result '" + after.title() + "'", before, after));
		return after;
	}

	@Transactional
	public void delete(long id) {
		var existing = keyResult(id);
		var objective = objectives.objective(existing.objectiveId());
		permissions.requireEditorOf(objective.teamId());
		objectives.cycle(objective).requireOpen();
		var before = view(id);
		keyResults.deleteById(id);
		events.publishEvent(new AuditableChange("key-result.deleted", String.valueOf(id),
				"Deleted key result '" + before.title() + "' of objective '" + objective.title() + "'", before, null));
		history.record(existing.objectiveId(), null, views.now(), "removedKeyResult", existing.title(), null);
		if (existing.kpiKey() != null) {
			events.publishEvent(new KeyResultUnlinked(id, existing.objectiveId(), existing.kpiKey()));
			marks.sync(List.of(existing.kpiKey()));
		}
	}

	public List<OkrChange> history(long id) {
		keyResult(id);
		return history.ofKeyResult(id);
	}

	KeyResultView view(long id) {
		var row = row(id);
		var objective = objectives.objective(row.objectiveId());
		return view(row, objective, objectives.cycle(objective));
	}

	KeyResultView view(OkrReader.KeyResultRow row, Objective objective, Cycle cycle) {
		var health = row.kpiKey() == null ? null : views.health(Set.of(row.kpiKey())).get(row.kpiKey());
		return views.keyResult(row, cycle, objective.commitment(), health, views.now());
	}

	OkrReader.KeyResultRow row(long id) {
		return Optional.ofNullable(reader.keyResult(id)).orElseThrow(() -> new NotFoundException("key result", id));
	}

	KeyResult keyResult(long id) {
		return keyResults.findById(id).orElseThrow(() -> new NotFoundException("key result", id));
	}

	private record Checked(long ownerId, String owner, Double baseline, String unit) {
	}

	private Checked check(KeyResultInput input) {
		var problems = new ArrayList<FieldProblem>();
		var owner = rules.owner(input.owner(), "owner", problems);
		Optional<KpiView> kpi = input.kpi() == null ? Optional.empty() : kpis.find(input.kpi());
		var kpiValue = kpi.map(k -> k.health().value()).orElse(null);
		problems.addAll(KeyResultRules.problems(input, kpi.map(KpiView::name).orElse(null), kpiValue));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var unit = input.unit() != null ? input.unit().strip() : kpi.map(k -> k.unit().name().toLowerCase()).orElse(null);
		return new Checked(owner.id(), owner.username(), KeyResultRules.baseline(input, kpiValue), unit);
	}

	private static Map<String, String> fields(KeyResult k) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("title", k.title());
		fields.put("owner", k.owner());
		fields.put("weight", OkrHistory.text(k.weight()));
		fields.put("baseline", OkrHistory.text(k.baseline()));
		fields.put("target", OkrHistory.text(k.target()));
		fields.put("unit", k.unit());
		fields.put("kpi", k.kpiKey());
		return fields;
	}
}
