package dev.tandem.org;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, Long> {

	Optional<Person> findByUsername(String username);

	List<Person> findAllByOrderByUsername();

	List<Person> findAllByEmailIgnoreCase(String email);

	long countByRole(Role role);
}
