package dev.tandem.review;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tandem.loop.OwedContributor;

/** Puts a person's open review decisions into their "what I owe" (the loop's, which does not know reviews). */
@Component
class ReviewOwed implements OwedContributor {

	private final Reviews reviews;

	ReviewOwed(Reviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public List<OwedDecision> decisionsOwedBy(String username) {
		return reviews.openDecisionsOf(username).stream()
			.map(d -> new OwedDecision(d.id(), d.action(), d.due(), d.overdue(), d.review(), d.team()))
			.toList();
	}
}
