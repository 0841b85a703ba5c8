package dev.tandem.okr;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A key result's definition. The summary of its latest check-in and its frozen final score
 * live in the same row but not in this aggregate: check-ins update them with one statement of
 * their own, so that an edit never overwrites a check-in recorded meanwhile, and a check-in
 * never makes an edit look stale.
 */
@Table("key_result")
record KeyResult(@Id Long id, Long objectiveId, String title, @Column("kr_type") KeyResultType type, Long ownerId,
		@Column("owner_name") String owner, double weight, Double baseline, Double target, String unit, String kpiKey,
		int sortOrder, @Version Long version, Instant createdAt, Instant updatedAt) {
}
