package dev.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.TandemTest;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiHealth;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Position;
import dev.tandem.org.Organisation;

@TandemTest
@TestPropertySource(properties = "tandem.demo=true")
class DemoOrganisationTests {

	@Autowired
	Kpis kpis;

	@Autowired
	Organisation organisation;

	@Test
	void tellsTheSeedsStories() {
		var uptime = kpis.health("registration-uptime");
		assertThat(uptime.status()).isEqualTo(HealthStatus.RED);
		assertThat(uptime.value()).isEqualTo(50.0);
		assertThat(kpis.get("registration-uptime").target()).isEqualTo(99.0);
		assertThat(kpis.get("registration-uptime").drivers()).containsExactly("registration-errors");

		var resolution = kpis.health("time-to-resolution");
		assertThat(resolution.worseningPeriods()).isGreaterThanOrEqualTo(KpiHealth.WORSENING_SIGNAL);
		assertThat(resolution.status()).isEqualTo(HealthStatus.AMBER);

		var newsletter = kpis.health("newsletter-signups");
		assertThat(newsletter.status()).isEqualTo(HealthStatus.STALE);
		assertThat(newsletter.staleReason()).contains("No value since");

		assertThat(kpis.health("csat").status()).isEqualTo(HealthStatus.GREEN);
		assertThat(kpis.health("employee-attrition").status()).isEqualTo(HealthStatus.GREEN);
		assertThat(kpis.health("support-backlog").position()).isNotNull();
		assertThat(kpis.health("average-deal-size").expected()).isNotNull();
	}

	@Test
	void hasAYearOfHistoryAndTheSeedsTeams() {
		var points = kpis.measurements("registration-uptime", Instant.EPOCH, Instant.now().plus(1, ChronoUnit.DAYS), 10_000, 0);
		assertThat(points).hasSizeGreaterThanOrEqualTo(365);
		assertThat(points.get(0).at()).isBefore(Instant.now().minus(360, ChronoUnit.DAYS));
		assertThat(organisation.teams()).extracting(team -> team.key())
			.contains("customer-support", "sales", "marketing", "people-ops", "racing", "patient-platform");
		assertThat(kpis.health(Optional.empty())).extracting(KpiHealth::status)
			.contains(HealthStatus.GREEN, HealthStatus.AMBER, HealthStatus.RED, HealthStatus.STALE);
		assertThat(kpis.health(Optional.of("customer-support"))).extracting(KpiHealth::position).contains(Position.WITHIN);
	}
}
