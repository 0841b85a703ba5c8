package dev.tandem.loop;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.tandem.okr.CycleView;

/**
 * Which cycle a proposed objective belongs to: the current one while enough of it is left to
 * move a KPI, otherwise the next one (when it exists). Three weeks is about the shortest time
 * in which a focused team shows movement in a weekly or monthly KPI.
 */
final class CycleChoice {

	static final long MINIMUM_DAYS_LEFT = 21;

	private CycleChoice() {
	}

	static Optional<CycleView> choose(Optional<CycleView> current, Optional<CycleView> next, LocalDate today) {
		if (current.isPresent() && ChronoUnit.DAYS.between(today, current.get().end()) + 1 >= MINIMUM_DAYS_LEFT) {
			return current;
		}
		return next.isPresent() ? next : current;
	}
}
