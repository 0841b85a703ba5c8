package dev.tandem.security;

import java.util.List;

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

/** On an empty database, the first administrator comes from TANDEM_ADMIN_USER / TANDEM_ADMIN_PASSWORD. */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Organisation organisation;
	private final String username;
	private final String password;

	FirstAdmin(Organisation organisation, @Value("${tandem.admin.user:${TANDEM_ADMIN_USER:}}") String username,
			@Value("${tandem.admin.password:${TANDEM_ADMIN_PASSWORD:}}") String password) {
		this.organisation = organisation;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (username.isBlank() || password.isBlank() || organisation.findPerson(username).isPresent()) {
			return;
		}
		if (organisation.hasPeople()) {
			log.info("TANDEM_ADMIN_USER is set but the database already has people; no first admin created.");
			return;
		}
		organisation.createPerson(new NewPerson(username, "Administrator", null, Role.ADMIN, List.of(), password));
		log.info("Created the first administrator '{}'.", username);
	}
}
