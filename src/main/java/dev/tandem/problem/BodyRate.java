package dev.tandem.problem;

import java.time.Duration;

/**
 * How slowly a request body may arrive (Apache's {@code mod_reqtimeout} rule): any pace during
 * the first {@code grace}, then on average at least {@code minBytesPerSecond} since the start. A
 * client trickling a byte every few seconds is cut off soon after the grace, whatever length it
 * declared; an honest 500 MB upload at 1 MB/s is not.
 */
record BodyRate(Duration grace, long minBytesPerSecond) {

	BodyRate {
		if (grace.isNegative() || minBytesPerSecond < 1) {
			throw new IllegalArgumentException("tandem.limits.body-grace must not be negative and tandem.limits."
					+ "body-min-bytes-per-second at least 1, not " + grace + " and " + minBytesPerSecond);
		}
	}

	/** True when {@code read} bytes {@code elapsedNanos} after the body began are too few. */
	boolean tooSlow(long read, long elapsedNanos) {
		long graceNanos = grace.toNanos();
		if (elapsedNanos <= graceNanos) {
			return false;
		}
		// the bytes owed by now, counted from the start: the grace is time to begin, not free bytes
		double owed = (elapsedNanos - graceNanos) / 1e9 * minBytesPerSecond;
		return read < owed;
	}
}
