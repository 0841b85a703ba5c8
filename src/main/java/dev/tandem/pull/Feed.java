package dev.tandem.pull;

import java.time.Instant;
import java.util.List;

/** Reads one kind of source. Implementations bound every wait and throw {@link FeedException} with a scrubbed message. */
interface Feed {

	ConnectionKind kind();

	/** The values now, or with {@code backfillFrom} also the history since then (where the source keeps it). */
	List<Fetched> fetch(Access access, PullSpec spec, Instant now, Instant backfillFrom);

	/** Checks that the source answers and takes the credentials; returns what it said. */
	String test(Access access);
}
