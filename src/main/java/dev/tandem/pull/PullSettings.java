package dev.tandem.pull;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on every pull ({@code tandem.pulls}): how long to wait for a source, how much to take
 * from it, how far back a first run fetches history and how many pulls run at once.
 */
@ConfigurationProperties("tandem.pulls")
record PullSettings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("30s") Duration queryTimeout, @DefaultValue("5s") Duration testTimeout,
		@DefaultValue("10000") int maxRows, @DefaultValue("1048576") int maxResponseBytes,
		@DefaultValue("90d") Duration backfill, @DefaultValue("4") int poolSize, @DefaultValue("1d") Duration maxBackoff) {
}
