package dev.tandem.security;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.tandem.org.NewPerson;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;
import dev.tandem.scheduling.StartUpLock;

/**
 * On an empty database, the first administrator comes from TANDEM_ADMIN_USER /
 * TANDEM_ADMIN_PASSWORD. Runs first (order 0), so that a demo organisation loaded after it
 * does not make the database look taken. The password obeys the same rules as any other
 * (at least 10 characters): an administrator with a weak password is not created at all.
 * Instances started together on an empty database take turns ({@link StartUpLock}): the first
 * creates the administrator, the others then find it and leave it.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Organisation organisation;
	private final StartUpLock lock;
	private final Validator validator;
	private final String username;
	private final String password;

	FirstAdmin(Organisation organisation, StartUpLock lock, Validator validator,
			@Value("${tandem.admin.user:${TANDEM_ADMIN_USER:}}") String username,
			@Value("${tandem.admin.password:${TANDEM_ADMIN_PASSWORD:}}") String password) {
		this.organisation = organisation;
		this.lock = lock;
		this.validator = validator;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (username.isBlank() || password.isBlank()) {
			return;
		}
		lock.holding("first-admin", this::createUnlessPresent);
	}

	private void createUnlessPresent() {
		if (organisation.findPerson(username).isPresent()) {
			return;
		}
		if (organisation.hasPeople()) {
			log.info("TANDEM_ADMIN_USER is set but the database already has people; no first admin created.");
			return;
		}
		var admin = new NewPerson(username, "Administrator", null, Role.ADMIN, List.of(), password);
		var problems = validator.validate(admin);
		if (!problems.isEmpty()) {
			// names the fields and rules only: the values may be the password itself
			log.error("No first administrator created: TANDEM_ADMIN_USER / TANDEM_ADMIN_PASSWORD are invalid ({}).",
					problems.stream().map(problem -> problem.getPropertyPath() + " " + problem.getMessage())
						.sorted().collect(Collectors.joining("; ")));
			return;
		}
		organisation.createPerson(admin);
		log.info("Created the first administrator '{}'.", username);
	}
}
