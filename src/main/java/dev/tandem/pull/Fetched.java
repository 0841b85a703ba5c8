package dev.tandem.pull;

import java.time.Instant;

/** One value a source gave, and when it was measured. */
record Fetched(Instant at, double value) {
}
