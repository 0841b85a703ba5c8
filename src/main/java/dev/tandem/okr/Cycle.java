package dev.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;

/** A named, time-boxed period; its end date is inclusive. */
@Table("okr_cycle")
record Cycle(@Id Long id, String name, LocalDate startDate, LocalDate endDate, Instant closedAt, String closedBy,
		@Version Long version, Instant createdAt) {

	boolean closed() {
		return closedAt != null;
	}

	/** A closed cycle's objectives and key results are graded: they may no longer change. */
	void requireOpen() {
		if (closed()) {
			throw new ConflictException("The cycle " + Quoted.of(name) + " was closed at " + closedAt
					+ "; its objectives and key results are graded and can no longer change.");
		}
	}

	CycleStatus status(LocalDate today) {
		if (closed()) {
			return CycleStatus.CLOSED;
		}
		return today.isBefore(startDate) ? CycleStatus.PLANNING : CycleStatus.ACTIVE;
	}

	/** True when this cycle's dates lie within the other's: an objective may align to a parent there. */
	boolean within(Cycle other) {
		return !startDate.isBefore(other.startDate) && !endDate.isAfter(other.endDate);
	}

	StatusRules.Window window(ZoneId zone) {
		return StatusRules.Window.of(startDate, endDate, zone);
	}

	Cycle rescheduled(String newName, LocalDate newStart, LocalDate newEnd) {
		return new Cycle(id, newName, newStart, newEnd, closedAt, closedBy, version, createdAt);
	}

	Cycle close(Instant at, String by) {
		return new Cycle(id, name, startDate, endDate, at, by, version, createdAt);
	}
}
