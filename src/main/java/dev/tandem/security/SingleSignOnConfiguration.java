package dev.tandem.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

import dev.tandem.org.Organisation;

/** OpenID Connect sign-in, only when {@code tandem.oidc.issuer-uri} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(SingleSignOnConfiguration.IssuerSet.class)
class SingleSignOnConfiguration {

	/** Set and not blank: application.yml maps an unset TANDEM_OIDC_ISSUER_URI to an empty value. */
	static class IssuerSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var issuer = context.getEnvironment().getProperty("tandem.oidc.issuer-uri");
			return issuer != null && !issuer.isBlank();
		}
	}

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
			Clock clock) {
		return new SingleSignOnPeople(organisation, jdbc, properties, clock);
	}
}
