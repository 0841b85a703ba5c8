package dev.tandem.okr;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface CycleRepository extends ListCrudRepository<Cycle, Long> {

	Optional<Cycle> findByName(String name);

	List<Cycle> findAllByOrderByStartDateAscEndDateDescIdAsc();
}
