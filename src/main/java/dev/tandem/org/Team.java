package dev.tandem.org;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

@Table("team")
record Team(@Id Long id, @Column("slug") String key, String name, Long parentId, @Version Long version,
		Instant createdAt) {
}
