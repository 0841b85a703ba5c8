package dev.tandem.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect sign-in, on when {@code issuerUri} is set. The provider's usernames are
 * trusted to name Tandem people ({@code usernameClaim}), so use a provider whose usernames
 * your administrators control.
 */
@ConfigurationProperties("tandem.oidc")
record SingleSignOnProperties(String issuerUri, String clientId, String clientSecret,
		@DefaultValue("single sign-on") String displayName, @DefaultValue("preferred_username") String usernameClaim,
		@DefaultValue({ "openid", "profile", "email" }) List<String> scopes) {

	static final String REGISTRATION_ID = "oidc";

	boolean enabled() {
		return issuerUri != null && !issuerUri.isBlank();
	}
}
