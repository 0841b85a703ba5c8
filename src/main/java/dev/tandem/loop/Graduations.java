package dev.tandem.loop;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.MetricDirection;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Actor;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/**
 * Graduation: a key result that reached its target hands the level it achieved back to its KPI
 * as a raised threshold (or, when it measured something that is not yet a KPI, proposes making
 * it one). Proposed when a check-in or a measurement carries a key result past its target, and at
 * the latest when its cycle closes; decided by a person.
 */
@Service
@Transactional(readOnly = true)
public class Graduations {

	private final GraduationStore store;
	private final Okrs okrs;
	private final Kpis kpis;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Graduations(GraduationStore store, Okrs okrs, Kpis kpis, Organisation organisation, Permissions permissions,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.okrs = okrs;
		this.kpis = kpis;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Proposes a graduation for a key result of an active objective that is at or past its target
	 * (or whose cycle closed so). Throws DuplicateKeyException when a concurrent call proposed first.
	 */
	@Transactional
	public boolean considerKeyResult(long keyResultId) {
		if (store.exists(keyResultId)) {
			return false;
		}
		var keyResult = okrs.keyResult(keyResultId);
		if (!keyResult.reachedTarget() || keyResult.current() == null) {
			return false;
		}
		var objective = okrs.objective(keyResult.objectiveId());
		if (objective.state() != ObjectiveState.ACTIVE) {
			return false;
		}
		Long kpiId = null;
		Double from = keyResult.baseline();
		if (keyResult.kpi() != null) {
			var kpi = kpis.find(keyResult.kpi());
			if (kpi.isEmpty()) {
				return false;
			}
			kpiId = kpi.get().id();
			from = kpi.get().shape() == Shape.BAND ? null : kpi.get().target();
		}
		var owner = organisation.findPerson(keyResult.owner()).map(p -> p.id()).orElse(null);
		store.insert(new GraduationStore.Graduation(0, keyResult.id(), objective.id(), objective.cycle(),
				objective.teamId(), owner, kpiId, keyResult.title(), keyResult.unit(),
				keyResult.direction() == MetricDirection.DECREASE, from, keyResult.current(), GraduationState.OPEN,
				clock.instant(), null, null, null, null, null, null, null));
		events.publishEvent(new GraduationProposed(keyResult.id(), objective.id(), objective.teamId(), keyResult.title(),
				clock.instant()));
		return true;
	}

	/** Key results of open cycles that follow this KPI and are now at their target. */
	public List<Long> reachedThrough(String kpiKey) {
		return okrs.keyResultsLinkedTo(kpiKey).stream()
			.filter(k -> k.state() == ObjectiveState.ACTIVE && k.progress() != null && k.progress() >= 1)
			.map(Okrs.LinkedKeyResult::keyResultId)
			.toList();
	}

	/** Key results that reached their target in one cycle (graded values once it is closed). */
	public List<Long> reachedIn(long cycleId) {
		return okrs.reachedTargets(cycleId).stream().map(Okrs.ReachedTarget::keyResultId).toList();
	}

	/** Key results of every open cycle at their target now: the periodic sweep's share. */
	public List<Long> reachedNow() {
		return okrs.reachedTargets().stream().map(Okrs.ReachedTarget::keyResultId).toList();
	}

	/**
	 * Graduations in one state, newest first. Open ones are one decision per KPI: the offered
	 * graduation, its competitors inside it (see {@link GraduationDecisions}).
	 */
	public List<GraduationView> list(GraduationState state, int limit, int offset) {
		if (state != GraduationState.OPEN) {
			return views(store.list(state, limit, offset));
		}
		var decisions = GraduationDecisions.decisions(views(store.list(state, Integer.MAX_VALUE, 0)), this::direction);
		return decisions.subList(Math.min(offset, decisions.size()), Math.min(offset + limit, decisions.size()));
	}

	public GraduationView get(long id) {
		var graduation = graduation(id);
		if (graduation.state() != GraduationState.OPEN || graduation.kpiId() == null) {
			return views(List.of(graduation)).get(0);
		}
		return asDecided(id, views(store.openFor(graduation.kpiId())));
	}

	/** The open decision on a KPI, if one waits: its offered graduation with the competing ones. */
	public Optional<GraduationView> openFor(String kpiKey) {
		return kpis.find(kpiKey)
			.map(kpi -> views(store.openFor(kpi.id())))
			.filter(group -> !group.isEmpty())
			.map(group -> GraduationDecisions.decision(group, direction(kpiKey)));
	}

	/** Open graduations the signed-in person may decide: those of the teams they edit, one per KPI. */
	public List<GraduationView> waitingForSignedIn() {
		// a KPI belongs to one team, so filtering by team keeps every decision whole
		var decisions = GraduationDecisions.decisions(views(store.openFor(EditableTeams.ids(organisation, permissions))),
				this::direction);
		return decisions.subList(0, Math.min(1000, decisions.size()));
	}

	/**
	 * Accepts: a KPI's thresholds rise to the level achieved where that beats them, its history
	 * naming the objective that earned it, and it goes back to being monitored; a metric that is
	 * not yet a KPI becomes one, its first point the level achieved.
	 */
	@Transactional
	public GraduationView accept(long id, GraduationAcceptance choices) {
		var graduation = decisionOn(id);
		permissions.requireEditorOf(graduation.teamId());
		requireOpen(graduation, "accepted");
		var before = get(id);
		boolean raised = false;
		String createdKpi = null;
		if (graduation.kpiId() != null) {
			raised = raise(before, graduation);
		}
		else {
			createdKpi = createKpi(before, choices == null ? GraduationAcceptance.DEFAULTS : choices).key();
		}
		if (!store.accept(id, raised, createdKpi, Actor.current(), clock.instant())) {
			throw new ConflictException("The graduation of the key result " + Quoted.of(before.title())
					+ " was decided by someone else a moment ago.");
		}
		var after = get(id);
		events.publishEvent(new AuditableChange("graduation.accepted", String.valueOf(id),
				"Accepted the graduation of key result “" + after.title() + "”", before, after));
		if (graduation.kpiId() != null) {
			settleCompetitors(after, graduation.kpiId());
		}
		return after;
	}

	@Transactional
	public GraduationView dismiss(long id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "say why the graduation is dismissed; it is kept with the decision");
		}
		var graduation = decisionOn(id);
		permissions.requireEditorOf(graduation.teamId());
		requireOpen(graduation, "dismissed");
		var competitors = graduation.kpiId() == null ? List.<GraduationStore.Graduation>of()
				: store.openFor(graduation.kpiId()).stream().filter(g -> g.id() != id).toList();
		competitors.forEach(g -> permissions.requireEditorOf(g.teamId()));
		var before = get(id);
		if (!store.dismiss(id, reason.strip(), Actor.current(), clock.instant())) {
			throw new ConflictException("The graduation of the key result " + Quoted.of(before.title())
					+ " was decided by someone else a moment ago.");
		}
		var after = get(id);
		events.publishEvent(new AuditableChange("graduation.dismissed", String.valueOf(id),
				"Dismissed the graduation of key result “" + after.title() + "”: " + reason.strip(), before, after));
		// the decision is the KPI's: dismissing it dismisses every graduation competing in it
		var others = views(competitors);
		for (var other : others) {
			store.dismiss(other.id(), reason.strip(), Actor.current(), clock.instant());
		}
		var dismissed = views(competitors.stream().map(g -> graduation(g.id())).toList());
		for (int i = 0; i < others.size(); i++) {
			events.publishEvent(new AuditableChange("graduation.dismissed", String.valueOf(others.get(i).id()),
					"Dismissed the graduation of key result “" + others.get(i).title() + "” with that of key result “" + after.title()
							+ "”, decided together for " + after.kpi() + ": " + reason.strip(),
					others.get(i), dismissed.get(i)));
		}
		return after;
	}

	/**
	 * The graduation, read again once its KPI's open decision is locked: two decisions on one KPI
	 * at once take turns, and the second finds the first's outcome.
	 */
	private GraduationStore.Graduation decisionOn(long id) {
		var graduation = graduation(id);
		if (graduation.kpiId() == null || graduation.state() != GraduationState.OPEN) {
			return graduation;
		}
		store.lockOpen(graduation.kpiId());
		return graduation(id);
	}

	/** The others of the accepted graduation's KPI are settled by it, each with the reason kept. */
	private void settleCompetitors(GraduationView accepted, long kpiId) {
		var competitors = store.openFor(kpiId);
		if (competitors.isEmpty()) {
			return;
		}
		var reason = "settled by the graduation of key result “" + accepted.title() + "” to " + level(accepted);
		var before = views(competitors);
		for (var other : competitors) {
			store.supersede(other.id(), accepted.id(), reason, Actor.current(), clock.instant());
		}
		var after = views(competitors.stream().map(g -> graduation(g.id())).toList());
		for (int i = 0; i < before.size(); i++) {
			events.publishEvent(new AuditableChange("graduation.superseded", String.valueOf(before.get(i).id()),
					"Settled the graduation of key result “" + before.get(i).title() + "”: " + reason, before.get(i),
					after.get(i)));
		}
	}

	/** 3.40, or 3.40 % with the key result's unit: as the inbox shows a level. */
	static String level(GraduationView graduation) {
		var number = String.format(Locale.ROOT, "%.2f", graduation.to());
		return graduation.unit() == null || graduation.unit().isBlank() ? number : number + " " + graduation.unit();
	}

	/** The view of one graduation of a KPI's open decision: offered (with its competitors) or outdone. */
	private GraduationView asDecided(long id, List<GraduationView> group) {
		if (group.stream().noneMatch(g -> g.id() == id)) {
			// decided a moment ago
			return views(List.of(graduation(id))).get(0);
		}
		var offered = GraduationDecisions.decision(group, direction(group.get(0).kpi()));
		if (offered.id() == id) {
			return offered;
		}
		return group.stream().filter(g -> g.id() == id).findFirst().orElseThrow().outdoneBy(offered.id());
	}

	/** The KPI's direction, which says which of competing levels is better; null for a band or a deleted KPI. */
	private Direction direction(String kpiKey) {
		return kpiKey == null ? null : kpis.find(kpiKey).map(KpiView::direction).orElse(null);
	}

	private boolean raise(GraduationView view, GraduationStore.Graduation graduation) {
		var kpi = kpis.get(view.kpi());
		permissions.requireEditorOf(organisation.team(kpi.team()).id());
		var raised = GraduationRules.raised(kpi, graduation.to());
		raised.ifPresent(thresholds -> kpis.raiseThresholds(kpi.key(), thresholds, earnedBy(graduation)));
		kpis.improving(kpi.key(), null);
		return raised.isPresent();
	}

	private String earnedBy(GraduationStore.Graduation graduation) {
		ObjectiveView objective = okrs.objective(graduation.objectiveId());
		return "Graduated from objective “" + objective.title() + "” (" + objective.cycleName()
				+ "): key result “" + graduation.title() + "” reached " + graduation.to();
	}

	private KpiView createKpi(GraduationView view, GraduationAcceptance choices) {
		KeyResultView keyResult = okrs.keyResult(view.keyResultId());
		var key = choices.key() != null ? choices.key() : slug(view.title());
		if (kpis.find(key).isPresent()) {
			throw new ConflictException("A KPI with key " + Quoted.of(key) + " exists already: name another as {\"key\": …}.");
		}
		var unit = choices.unit() != null ? choices.unit() : "%".equals(view.unit()) ? Unit.PERCENT : Unit.COUNT;
		var direction = view.decrease() ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
		double warning = GraduationRules.warningFor(view.to(), keyResult.baseline(), view.decrease());
		var definition = new KpiDefinition(key, choices.name() != null ? choices.name() : view.title(),
				"Graduated from a key result: " + earnedBy(graduation(view.id())), view.team(),
				view.owner() != null ? view.owner() : Actor.current(), unit, null, null, null, null, Source.MANUAL,
				choices.frequency() != null ? choices.frequency() : Frequency.MONTHLY, Aggregation.LAST, null,
				Indicator.LAGGING, List.of(), Shape.THRESHOLD, direction, view.to(), warning, null, null, null, null,
				null, null, null, null);
		var created = kpis.create(definition);
		kpis.record(List.of(new NewMeasurement(key, clock.instant(), view.to(), "level achieved by the key result")),
				i -> "graduation", Source.MANUAL);
		return created;
	}

	/** "Reduce churn to 2 %" → "reduce-churn-to-2": a KPI key from a title. */
	static String slug(String title) {
		var plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		var slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 64) {
			slug = slug.substring(0, 64).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "graduated-metric" : slug;
	}

	private GraduationStore.Graduation graduation(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("graduation", id));
	}

	private static void requireOpen(GraduationStore.Graduation graduation, String verb) {
		if (graduation.state() != GraduationState.OPEN) {
			throw new ConflictException("The graduation of the key result " + Quoted.of(graduation.title()) + " is already "
					+ graduation.state().name().toLowerCase() + "; only an open graduation can be " + verb + ".");
		}
	}

	private List<GraduationView> views(List<GraduationStore.Graduation> graduations) {
		if (graduations.isEmpty()) {
			return List.of();
		}
		var kpiKeys = kpis.names(graduations.stream().map(GraduationStore.Graduation::kpiId).filter(java.util.Objects::nonNull)
			.toList());
		var teams = organisation.teamIndex();
		// the owners' usernames only, not every person of the organisation
		var people = organisation.usernames(graduations.stream().map(GraduationStore.Graduation::ownerId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		var views = new ArrayList<GraduationView>();
		for (var g : graduations) {
			var kpi = g.kpiId() == null ? null : kpiKeys.get(g.kpiId());
			views.add(new GraduationView(g.id(), g.keyResultId(), g.objectiveId(), g.cycleId(),
					kpi == null ? null : kpi.key(), g.title(), teams.get(g.teamId()).key(),
					g.ownerId() == null ? null : people.get(g.ownerId()),
					g.unit(), g.decrease(), g.from(), g.to(), g.state(), g.createdAt(), g.decidedAt(), g.decidedBy(),
					g.dismissReason(), g.raised(), g.createdKpi(), g.supersededBy(), g.supersededReason(), null, null));
		}
		return views;
	}

}
