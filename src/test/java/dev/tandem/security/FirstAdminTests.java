package dev.tandem.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import dev.tandem.org.NewPerson;
import dev.tandem.org.Organisation;

class FirstAdminTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
	private final Organisation organisation = mock(Organisation.class);

	@Test
	void aWeakPasswordCreatesNoAdministrator() {
		when(organisation.findPerson("root")).thenReturn(Optional.empty());
		new FirstAdmin(organisation, (name, body) -> body.run(), validator, "root", "short").run(null);
		verify(organisation, never()).createPerson(any());
	}

	@Test
	void anEmptyDatabaseGetsItsFirstAdministrator() {
		when(organisation.findPerson("root")).thenReturn(Optional.empty());
		new FirstAdmin(organisation, (name, body) -> body.run(), validator, "root", "long-enough-secret").run(null);
		verify(organisation).createPerson(any(NewPerson.class));
	}

	@Test
	void aDatabaseWithPeopleIsLeftAlone() {
		when(organisation.findPerson("root")).thenReturn(Optional.empty());
		when(organisation.hasPeople()).thenReturn(true);
		new FirstAdmin(organisation, (name, body) -> body.run(), validator, "root", "long-enough-secret").run(null);
		verify(organisation, never()).createPerson(any());
	}
}
