package dev.tandem.org;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("person")
record Person(@Id Long id, String username, String displayName, String email, Role role, String passwordHash,
		boolean active, @Version Long version, Instant createdAt,
		@MappedCollection(idColumn = "person_id") Set<Membership> memberships) {

	@Table("team_member")
	record Membership(Long teamId) {
	}
}
