package dev.tandem.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

import dev.tandem.org.Organisation;

/** OpenID Connect sign-in, only when {@code tandem.oidc.issuer-uri} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tandem.oidc", name = "issuer-uri")
class SingleSignOnConfiguration {

	/** Reads the provider's discovery document at start-up, so a wrong issuer fails fast rather than at first sign-in. */
	@Bean
	ClientRegistrationRepository clientRegistrations(SingleSignOnProperties properties) {
		var registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
			.registrationId(SingleSignOnProperties.REGISTRATION_ID)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.clientName(properties.displayName())
			.scope(properties.scopes())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	SingleSignOnPeople singleSignOnPeople(Organisation organisation, JdbcClient jdbc, SingleSignOnProperties properties,
			java.time.Clock clock) {
		return new SingleSignOnPeople(organisation, jdbc, properties, clock);
	}
}
