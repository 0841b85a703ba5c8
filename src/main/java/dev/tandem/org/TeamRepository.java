package dev.tandem.org;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface TeamRepository extends ListCrudRepository<Team, Long> {

	Optional<Team> findByKey(String key);

	List<Team> findAllByOrderByKey();
}
