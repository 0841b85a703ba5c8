package dev.tandem.org;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface TeamRepository extends ListCrudRepository<Team, Long> {

	Optional<Team> findByKey(String key);
}
