package dev.tandem.okr;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface KeyResultRepository extends ListCrudRepository<KeyResult, Long> {

	List<KeyResult> findAllByObjectiveIdOrderBySortOrderAscIdAsc(Long objectiveId);
}
