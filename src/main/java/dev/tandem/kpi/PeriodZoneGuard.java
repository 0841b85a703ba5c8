package dev.tandem.kpi;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.scheduling.StartUpLock;

/**
 * Roll-ups are cut at midnight in the organisation's time zone. When TANDEM_ZONE changes, every
 * KPI's periods are rebuilt from its raw points before anyone reads them, so that "today" means
 * the same thing in the data as on the clock.
 */
@Component
@Order(-10)
class PeriodZoneGuard implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PeriodZoneGuard.class);

	private final JdbcClient jdbc;
	private final Kpis kpis;
	private final TransactionTemplate transaction;
	private final ZoneId zone;
	private final Clock clock;
	private final StartUpLock startUp;

	PeriodZoneGuard(JdbcClient jdbc, Kpis kpis, TransactionTemplate transaction, ZoneId zone, Clock clock,
			StartUpLock startUp) {
		this.jdbc = jdbc;
		this.startUp = startUp;
		this.kpis = kpis;
		this.transaction = transaction;
		this.zone = zone;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		// instances started together take turns: the second finds the zone the first stored
		startUp.holding("period-zone", this::check);
	}

	private void check() {
		var stored = jdbc.sql("select setting from tandem_setting where name = 'period_zone'").query(String.class).optional();
		if (stored.isPresent() && stored.get().equals(zone.getId())) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			if (stored.isPresent()) {
				int rebuilt = kpis.rebuildAllPeriods();
				log.info("The organisation's time zone changed from {} to {}: rebuilt the periods of {} KPIs.",
						stored.get(), zone.getId(), rebuilt);
				jdbc.sql("update tandem_setting set setting = ?, updated_at = ? where name = 'period_zone'")
					.params(zone.getId(), clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			}
			else {
				jdbc.sql("insert into tandem_setting (name, setting, updated_at) values ('period_zone', ?, ?)")
					.params(zone.getId(), clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			}
		});
	}
}
