package dev.tandem.kpi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface KpiRepository extends ListCrudRepository<Kpi, Long> {

	Optional<Kpi> findByKey(String key);

	List<Kpi> findAllByKeyIn(Collection<String> keys);

	List<Kpi> findAllByOrderByKey();
}
