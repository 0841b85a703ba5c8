package dev.tandem.loop;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits for a person's decision, as gauges: {@code tandem.proposals.open} and
 * {@code tandem.graduations.open}. Each is read when scraped (every 15 to 60 seconds), by one
 * count over an index — cheaper than keeping a counter right across instances, restarts and
 * every path that opens or decides one.
 */
@Component
class LoopMetrics {

	LoopMetrics(JdbcClient jdbc, MeterRegistry meters) {
		Gauge.builder("tandem.proposals.open",
				() -> jdbc.sql("select count(open_kpi_id) from proposal where open_kpi_id is not null").query(Long.class).single())
			.description("Proposals waiting in the inbox")
			.register(meters);
		Gauge.builder("tandem.graduations.open",
				() -> jdbc.sql("select count(*) from graduation where state = 'OPEN'").query(Long.class).single())
			.description("Graduations waiting for a decision")
			.register(meters);
	}
}
