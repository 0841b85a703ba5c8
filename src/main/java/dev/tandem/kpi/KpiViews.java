package dev.tandem.kpi;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.tandem.org.Organisation;
import dev.tandem.org.TeamView;

/**
 * Stored KPIs as the views the API hands out: ids turned into the keys and names people use,
 * and health judged at the clock's now. A list reads the organisation and the drivers' keys
 * once for all its KPIs.
 */
@Component
class KpiViews {

	private final KpiRepository repository;
	private final KpiReader reader;
	private final Organisation organisation;
	private final Clock clock;
	private final ZoneId zone;
	private final ObjectProvider<KpiPulls> pulls;

	KpiViews(KpiRepository repository, KpiReader reader, Organisation organisation, Clock clock, ZoneId zone,
			ObjectProvider<KpiPulls> pulls) {
		this.repository = repository;
		this.reader = reader;
		this.organisation = organisation;
		this.clock = clock;
		this.zone = zone;
		this.pulls = pulls;
	}

	KpiView of(Kpi kpi, KpiState state) {
		var keys = repository.findAllById(kpi.drivers().stream().map(Kpi.Driver::driverId).toList()).stream()
			.collect(Collectors.toMap(Kpi::id, Kpi::key));
		return view(kpi, state, organisation.teamIndex(), owners(List.of(kpi)), keys, pulls(List.of(kpi)));
	}

	/**
	 * Each KPI with its state; a KPI without a state row yet has no data. Owners' usernames and
	 * drivers' keys are read for just these KPIs, unless they are most of them anyway.
	 */
	List<KpiView> of(List<Kpi> kpis, Map<Long, KpiState> states) {
		var teams = organisation.teamIndex();
		var owners = owners(kpis);
		var keys = kpis.size() > 1_000 ? reader.keysById()
				: reader.keysById(kpis.stream().flatMap(kpi -> kpi.drivers().stream()).map(Kpi.Driver::driverId).toList());
		var pullSettings = pulls(kpis);
		return kpis.stream()
			.map(kpi -> view(kpi, states.getOrDefault(kpi.id(), KpiState.empty(kpi.id())), teams, owners, keys,
					pullSettings))
			.toList();
	}

	/** The pull settings of those KPIs whose source is PULL (read only for them). */
	private Map<Long, KpiPull> pulls(List<Kpi> kpis) {
		var pulled = kpis.stream().filter(kpi -> kpi.source() == Source.PULL).map(Kpi::id).toList();
		var store = pulls.getIfAvailable();
		return pulled.isEmpty() || store == null ? Map.of() : store.of(pulled);
	}

	private Map<Long, String> owners(List<Kpi> kpis) {
		return organisation.usernames(kpis.stream().map(Kpi::ownerId).filter(java.util.Objects::nonNull).toList());
	}

	private KpiView view(Kpi kpi, KpiState state, Map<Long, TeamView> teams, Map<Long, String> owners,
			Map<Long, String> keys, Map<Long, KpiPull> pullSettings) {
		var t = kpi.thresholds();
		var seasonal = kpi.thresholdsByPeriod().stream()
			.sorted(Comparator.comparing(PeriodThreshold::validFrom))
			.map(p -> {
				var s = p.thresholds();
				return new KpiView.PeriodThresholdView(p.validFrom(), s.direction(), s.target(), s.warning(), s.lower(),
						s.upper(), s.tolerance(), s.baseline(), s.baselineDate(), s.targetDate());
			})
			.toList();
		var owner = kpi.ownerId() == null ? null : owners.get(kpi.ownerId());
		var drivers = kpi.drivers().stream().map(d -> keys.get(d.driverId())).sorted().toList();
		return new KpiView(kpi.id(), kpi.key(), kpi.name(), kpi.description(), teams.get(kpi.teamId()).key(),
				owner, kpi.unit(), kpi.currency(), kpi.rangeMin(), kpi.rangeMax(), kpi.formula(), kpi.source(),
				kpi.frequency(), kpi.aggregation(), kpi.category(), kpi.indicator(), drivers, kpi.shape(), t.direction(),
				t.target(), t.warning(), t.lower(), t.upper(), t.tolerance(), t.baseline(), t.baselineDate(),
				t.targetDate(), seasonal, kpi.version(), kpi.createdAt(), kpi.updatedAt(),
				HealthRules.evaluate(kpi, state, clock.instant(), zone), pullSettings.get(kpi.id()));
	}
}
