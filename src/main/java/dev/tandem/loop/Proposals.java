package dev.tandem.loop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/** Proposals: created when a KPI deserves one, decided by a person (accepted or dismissed with a reason). */
@Service
@Transactional(readOnly = true)
public class Proposals {

	private final ProposalStore store;
	private final Kpis kpis;
	private final Organisation organisation;
	private final Permissions permissions;
	private final Clock clock;

	Proposals(ProposalStore store, Kpis kpis, Organisation organisation, Permissions permissions, Clock clock) {
		this.store = store;
		this.kpis = kpis;
		this.organisation = organisation;
		this.permissions = permissions;
		this.clock = clock;
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
			store.recovered(kpi.id(), now);
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
		var draft = ProposalDraft.of(kpi, reason.get(), drivers);
		var teamId = organisation.team(kpi.team()).id();
		var ownerId = kpi.owner() == null ? null : organisation.findPerson(kpi.owner()).map(p -> p.id()).orElse(null);
		long id = store.insert(kpi.id(), reason.get(), teamId, ownerId, null, draft, situation, now);
		var byKey = new java.util.HashMap<String, KpiView>();
		byKey.put(kpi.key(), kpi);
		drivers.forEach(driver -> byKey.put(driver.key(), driver));
		for (int i = 0; i < draft.keyResults().size(); i++) {
			var keyResult = draft.keyResults().get(i);
			store.insertKeyResult(id, i, byKey.get(keyResult.kpi()).id(), keyResult);
		}
		return Optional.of(id);
	}

	public List<ProposalView> list(ProposalState state, int limit, int offset) {
		return views(store.list(state, limit, offset));
	}

	public ProposalView get(long id) {
		return views(List.of(proposal(id))).get(0);
	}

	@Transactional
	public ProposalView dismiss(long id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "say why the proposal is dismissed; it is kept with the decision");
		}
		var proposal = proposal(id);
		permissions.requireEditorOf(proposal.teamId());
		if (!store.dismiss(id, reason.strip(), Actor.current(), clock.instant())) {
			throw new ConflictException("Proposal " + id + " is already " + proposal(id).state().name().toLowerCase()
					+ "; only an open proposal can be dismissed.");
		}
		return get(id);
	}

	ProposalStore.Proposal proposal(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("proposal", id));
	}

	private List<ProposalView> views(List<ProposalStore.Proposal> proposals) {
		var keyResults = store.keyResults(proposals.stream().map(ProposalStore.Proposal::id).toList()).stream()
			.collect(Collectors.groupingBy(ProposalStore.StoredKeyResult::proposalId));
		var kpiViews = kpis.list(null).stream().collect(Collectors.toMap(KpiView::id, Function.identity()));
		var teams = organisation.teamIndex();
		var people = organisation.personIndex();
		var views = new ArrayList<ProposalView>();
		for (var p : proposals) {
			var suggested = keyResults.getOrDefault(p.id(), List.of()).stream()
				.map(k -> new ProposalView.SuggestedKeyResult(key(kpiViews, k.kpiId()), k.title(), k.baseline(), k.target()))
				.toList();
			var kpi = kpiViews.get(p.kpiId());
			views.add(new ProposalView(p.id(), kpi.key(), kpi.name(), p.reason(), p.state(), teams.get(p.teamId()).key(),
					p.ownerId() == null || !people.containsKey(p.ownerId()) ? null : people.get(p.ownerId()).username(),
					p.cycleId(), p.objective(), suggested.isEmpty() ? null : suggested.get(0), suggested, p.createdAt(),
					p.decidedAt(), p.decidedBy(), p.dismissReason(), p.objectiveId()));
		}
		return views;
	}

	private static String key(Map<Long, KpiView> kpis, long id) {
		var kpi = kpis.get(id);
		return kpi == null ? null : kpi.key();
	}
}
