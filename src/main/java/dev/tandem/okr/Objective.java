package dev.tandem.okr;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An objective's definition, its alignment and its guardrails: the aggregate that edits read
 * and write with optimistic locking. Key results are aggregates of their own; the frozen score
 * is written by closing the cycle, outside this aggregate.
 */
@Table("objective")
record Objective(@Id Long id, Long cycleId, Long teamId, Long ownerId, @Column("owner_name") String owner,
		String title, String description, @Column("objective_level") ObjectiveLevel level, Commitment commitment,
		ObjectiveState state, Long parentId, Long carriedFromId, String retrospective,
		@MappedCollection(idColumn = "objective_id") Set<Contribution> contributions,
		@MappedCollection(idColumn = "objective_id") Set<Guardrail> guardrails, @Version Long version,
		Instant createdAt, Instant updatedAt) {

	@Table("objective_contribution")
	record Contribution(Long contributesToId) {
	}

	@Table("objective_guardrail")
	record Guardrail(String kpiKey) {
	}

	boolean active() {
		return state == ObjectiveState.ACTIVE;
	}

	Objective withState(ObjectiveState newState, Instant now) {
		return new Objective(id, cycleId, teamId, ownerId, owner, title, description, level, commitment, newState,
				parentId, carriedFromId, retrospective, contributions, guardrails, version, createdAt, now);
	}

	Objective withGuardrails(Set<Guardrail> newGuardrails, Instant now) {
		return new Objective(id, cycleId, teamId, ownerId, owner, title, description, level, commitment, state,
				parentId, carriedFromId, retrospective, contributions, newGuardrails, version, createdAt, now);
	}

	Objective withRetrospective(String note, Instant now) {
		return new Objective(id, cycleId, teamId, ownerId, owner, title, description, level, commitment, state,
				parentId, carriedFromId, note, contributions, guardrails, version, createdAt, now);
	}
}
