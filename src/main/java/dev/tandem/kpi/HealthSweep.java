package dev.tandem.kpi;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-judges every KPI and records each status that changed, announcing it as a
 * {@link KpiHealthChanged}. The stored status is replaced only if it is still the one read,
 * so a measurement written meanwhile (which judges the KPI itself) is never overwritten.
 */
@Component
class HealthSweep {

	private final KpiReader reader;
	private final MeasurementStore store;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	HealthSweep(KpiReader reader, MeasurementStore store, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			ZoneId zone) {
		this.reader = reader;
		this.store = store;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** Returns how many KPIs changed status. */
	@Transactional
	public int run() {
		var states = store.states();
		var now = clock.instant();
		int changed = 0;
		for (var kpi : reader.all(null)) {
			var state = states.get(kpi.id());
			if (state == null) {
				continue;
			}
			var health = HealthRules.evaluate(kpi, state, now, zone);
			if (health.status() == state.status()) {
				continue;
			}
			int updated = jdbc.sql("update kpi_state set status = ?, updated_at = ? where kpi_id = ? and status = ?")
				.params(health.status().name(), MeasurementStore.utc(now), kpi.id(), state.status().name())
				.update();
			if (updated == 1) {
				changed++;
				events.publishEvent(new KpiHealthChanged(kpi.id(), kpi.key(), state.status(), health.status(),
						health.worseningPeriods(), now));
			}
		}
		return changed;
	}
}
