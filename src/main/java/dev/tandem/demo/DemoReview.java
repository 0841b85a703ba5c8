package dev.tandem.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.tandem.review.Reviews;
import dev.tandem.review.Reviews.PastDecision;

/**
 * The cadence's half of the demo: Customer Support held its weekly KPI review eight days ago
 * and took three decisions — one done, one still open, and one overdue (it shows in Lee's "what
 * I owe" and digest).
 */
class DemoReview {

	private final Reviews reviews;
	private final Clock clock;
	private final ZoneId zone;

	DemoReview(Reviews reviews, Clock clock, ZoneId zone) {
		this.reviews = reviews;
		this.clock = clock;
		this.zone = zone;
	}

	void load() {
		var heldAt = clock.instant().minus(Duration.ofDays(8));
		var held = LocalDate.ofInstant(heldAt, zone);
		reviews.holdPast("customer-support", heldAt, "priya", List.of(
				new PastDecision("Publish the holiday rota two weeks ahead, so that waits do not spike again", "priya",
						held.plusDays(3), true),
				new PastDecision("Call back every repeat complainant from last month and log the root cause", "lee",
						held.plusDays(5), false),
				new PastDecision("Review the on-call escalation path with the platform team", "priya", held.plusDays(21),
						false)));
	}
}
