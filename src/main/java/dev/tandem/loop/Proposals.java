package dev.tandem.loop;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiName;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Mode;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Actor;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/** Proposals: created when a KPI deserves one, decided by a person (accepted or dismissed with a reason). */
@Service
@Transactional(readOnly = true)
public class Proposals {

	private static final Logger log = LoggerFactory.getLogger(Proposals.class);

	private final ProposalStore store;
	private final Kpis kpis;
	private final Organisation organisation;
	private final Permissions permissions;
	private final Okrs okrs;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	Proposals(ProposalStore store, Kpis kpis, Organisation organisation, Permissions permissions, Okrs okrs,
			ApplicationEventPublisher events, Clock clock, ZoneId zone) {
		this.store = store;
		this.kpis = kpis;
		this.organisation = organisation;
		this.permissions = permissions;
		this.okrs = okrs;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Looks at a KPI after a change and proposes an objective when it deserves one. Throws
	 * DuplicateKeyException when a concurrent call proposed first: the caller treats that as done.
	 */
	@Transactional
	public Optional<Long> consider(String kpiKey) {
		var found = kpis.find(kpiKey);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var kpi = found.get();
		var health = kpi.health();
		var now = clock.instant();
		if (health.status() == HealthStatus.GREEN) {
			if (!health.worseningSignal()) {
				store.recovered(kpi.id(), now);
				return Optional.empty();
			}
			// green, but sliding three periods running: it recovered from being red or amber, not from the slide
			store.recoveredFromUnhealthy(kpi.id(), now);
		}
		if (health.mode() == Mode.IMPROVING) {
			// an objective took the KPI on since it was proposed (activated, or accepted with another proposal)
			if (store.withdrawOpen(kpi.id(), now)) {
				log.info("KPI '{}' is now improved by objective #{}: withdrew its open proposal.", kpi.key(),
						health.improvingObjectiveId());
			}
			return Optional.empty();
		}
		var situation = KpiSituation.of(kpi, health);
		var dismissal = store.lastDismissed(kpi.id())
			.map(p -> new ProposalRules.Dismissal(p.situation(), p.recoveredSince()));
		var reason = ProposalRules.propose(health, situation, store.hasOpen(kpi.id()), dismissal);
		if (reason.isEmpty()) {
			return Optional.empty();
		}
		var drivers = kpi.drivers().stream().map(kpis::find).flatMap(Optional::stream).toList();
		var draft = ProposalDraft.of(kpi, reason.get(), drivers, levelBeforeDecline(kpi));
		var teamId = organisation.team(kpi.team()).id();
		var ownerId = kpi.owner() == null ? null : organisation.findPerson(kpi.owner()).map(p -> p.id()).orElse(null);
		var cycle = cycle().map(CycleView::id).orElse(null);
		long id = store.insert(kpi.id(), reason.get(), teamId, ownerId, cycle, draft, situation, now);
		var byKey = new HashMap<String, KpiView>();
		byKey.put(kpi.key(), kpi);
		drivers.forEach(driver -> byKey.put(driver.key(), driver));
		for (int i = 0; i < draft.keyResults().size(); i++) {
			var keyResult = draft.keyResults().get(i);
			store.insertKeyResult(id, i, byKey.get(keyResult.kpi()).id(), keyResult);
		}
		events.publishEvent(new ProposalCreated(id, kpi.key(), teamId, draft.objective(), now));
		return Optional.of(id);
	}

	/** The KPI's value in the period before its run of worsening periods began, when its recent periods reach back that far. */
	private Optional<Double> levelBeforeDecline(KpiView kpi) {
		var health = kpi.health();
		if (health.worseningPeriods() == 0 || health.periodStart() == null) {
			return Optional.empty();
		}
		var recent = kpis.recentPeriods(kpi.key());
		for (int i = recent.size() - 1; i >= 0; i--) {
			if (recent.get(i).periodStart().equals(health.periodStart())) {
				int before = i - health.worseningPeriods();
				return before < 0 ? Optional.empty() : Optional.of(recent.get(before).value());
			}
		}
		return Optional.empty();
	}

	public List<ProposalView> list(ProposalState state, int limit, int offset) {
		return views(store.list(state, limit, offset));
	}

	/** How many open proposals come before this one, newest first as they are listed; 0 when it is not open. */
	public long positionOf(long id) {
		return store.openBefore(id);
	}

	/** How many proposals are in this state: what a list's pager and badge count. */
	public long count(ProposalState state) {
		return store.count(state);
	}

	public ProposalView get(long id) {
		return views(List.of(proposal(id))).get(0);
	}

	/**
	 * Accepts an open proposal: a draft objective in the chosen cycle (or the proposal's, or the
	 * current or next one) whose key results follow the KPI and its drivers; the KPI is then
	 * under improvement by that objective, so it is not proposed again meanwhile.
	 */
	@Transactional
	public ProposalView accept(long id, Long cycleId) {
		var proposal = proposal(id);
		permissions.requireEditorOf(proposal.teamId());
		var view = get(id);
		requireOpen(view, "accepted");
		var cycle = cycleId != null ? cycleId : proposal.cycleId() != null ? proposal.cycleId()
				: cycle().map(CycleView::id)
					.orElseThrow(() -> new ConflictException("There is no open cycle to put the objective in: create one "
							+ "(POST /api/cycles) or name one as {\"cycle\": id}."));
		var owner = view.owner() != null ? view.owner() : Actor.signedIn().orElse(null);
		if (owner == null) {
			throw new ConflictException("The KPI " + named(view) + " has no owner to own the objective: give it an owner first.");
		}
		var keyResults = view.keyResults().stream()
			.map(k -> new Okrs.DraftKeyResult(k.title(), k.kpi(), owner, k.baseline(), k.target()))
			.toList();
		var objective = okrs.createDraft(new Okrs.DraftObjective(cycle, view.team(), owner, view.suggestedObjective(),
				why(view), keyResults));
		if (!store.accept(id, objective.id(), Actor.current(), clock.instant())) {
			throw new ConflictException("The proposal for the KPI " + named(view) + " was decided by someone else a moment ago.");
		}
		kpis.improving(view.kpi(), objective.id());
		takeOnDrivers(view, objective.id());
		var after = get(id);
		events.publishEvent(new ProposalDecided(id, view.kpi(), proposal.teamId(), true, objective.id(), Actor.current(),
				clock.instant()));
		events.publishEvent(new AuditableChange("proposal.accepted", String.valueOf(id), "Accepted the proposal for KPI "
				+ view.kpi() + " as the draft objective " + Quoted.of(objective.title()), view, after));
		return after;
	}

	/**
	 * The accepted draft has key results on the KPI's drivers too: whichever of them nothing else
	 * improves is now improved by it, and their own open proposals are withdrawn, so that nobody
	 * is asked to decide the same thing twice.
	 */
	private void takeOnDrivers(ProposalView accepted, long objectiveId) {
		var now = clock.instant();
		accepted.keyResults().stream()
			.map(ProposalView.SuggestedKeyResult::kpi)
			.filter(key -> !key.equals(accepted.kpi()))
			.distinct()
			.map(kpis::find)
			.flatMap(Optional::stream)
			.filter(driver -> driver.health().improvingObjectiveId() == null)
			.forEach(driver -> {
				kpis.improving(driver.key(), objectiveId);
				store.withdrawOpen(driver.id(), now);
			});
	}

	@Transactional
	public ProposalView dismiss(long id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "say why the proposal is dismissed; it is kept with the decision");
		}
		var proposal = proposal(id);
		permissions.requireEditorOf(proposal.teamId());
		var before = get(id);
		requireOpen(before, "dismissed");
		if (!store.dismiss(id, reason.strip(), Actor.current(), clock.instant())) {
			throw new ConflictException("The proposal for the KPI " + named(before) + " was decided by someone else a moment ago.");
		}
		var after = get(id);
		events.publishEvent(new ProposalDecided(id, after.kpi(), proposal.teamId(), false, null, Actor.current(),
				clock.instant()));
		events.publishEvent(new AuditableChange("proposal.dismissed", String.valueOf(id),
				"Dismissed the proposal for KPI " + after.kpi() + ": " + reason.strip(), before, after));
		return after;
	}

	/** Open proposals the signed-in person may decide: those of the teams they edit. */
	public List<ProposalView> waitingForSignedIn() {
		return views(store.openFor(EditableTeams.ids(organisation, permissions), 1000));
	}

	/** The proposals made for one KPI, newest first: the one waiting, and how the others ended. */
	public List<ProposalView> forKpi(String kpiKey, int limit) {
		return kpis.find(kpiKey).map(kpi -> views(store.listFor(kpi.id(), limit))).orElse(List.of());
	}

	/** The accepted proposal that drafted this objective, if one did. */
	public Optional<ProposalView> draftOf(long objectiveId) {
		return store.acceptedInto(objectiveId).map(p -> views(List.of(p)).get(0));
	}

	private static void requireOpen(ProposalView proposal, String verb) {
		if (proposal.state() != ProposalState.OPEN) {
			throw new ConflictException("The proposal for the KPI " + named(proposal) + " is already "
					+ proposal.state().name().toLowerCase() + "; only an open proposal can be " + verb + ".");
		}
	}

	private static String named(ProposalView proposal) {
		return Quoted.named(proposal.kpi(), proposal.kpiName());
	}

	private Optional<CycleView> cycle() {
		return CycleChoice.choose(okrs.currentCycle(), okrs.nextCycle(), LocalDate.now(clock.withZone(zone)));
	}

	private static String why(ProposalView view) {
		var first = view.suggestedKeyResult();
		return "Proposed by Tandem because " + view.kpiName() + " is "
				+ (view.reason() == ProposalReason.RED ? "red" : "worsening period after period")
				+ (first == null ? "." : ": " + first.title().substring(0, 1).toLowerCase() + first.title().substring(1) + ".");
	}

	ProposalStore.Proposal proposal(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("proposal", id));
	}

	private List<ProposalView> views(List<ProposalStore.Proposal> proposals) {
		var keyResults = store.keyResults(proposals.stream().map(ProposalStore.Proposal::id).toList()).stream()
			.collect(Collectors.groupingBy(ProposalStore.StoredKeyResult::proposalId));
		var ids = new java.util.HashSet<Long>();
		proposals.forEach(p -> ids.add(p.kpiId()));
		keyResults.values().forEach(list -> list.forEach(k -> ids.add(k.kpiId())));
		var kpiViews = kpis.names(ids);
		var teams = organisation.teamIndex();
		var people = organisation.usernames(proposals.stream().map(ProposalStore.Proposal::ownerId)
			.filter(java.util.Objects::nonNull).toList());
		var views = new ArrayList<ProposalView>();
		for (var p : proposals) {
			var suggested = keyResults.getOrDefault(p.id(), List.of()).stream()
				.map(k -> new ProposalView.SuggestedKeyResult(key(kpiViews, k.kpiId()), k.title(), k.baseline(), k.target()))
				.toList();
			var kpi = kpiViews.get(p.kpiId());
			views.add(new ProposalView(p.id(), kpi.key(), kpi.name(), p.reason(), p.state(), teams.get(p.teamId()).key(),
					p.ownerId() == null ? null : people.get(p.ownerId()),
					p.cycleId(), p.objective(), suggested.isEmpty() ? null : suggested.get(0), suggested, p.createdAt(),
					p.decidedAt(), p.decidedBy(), p.dismissReason(), p.objectiveId()));
		}
		return views;
	}

	private static String key(Map<Long, KpiName> kpis, long id) {
		var kpi = kpis.get(id);
		return kpi == null ? null : kpi.key();
	}
}
