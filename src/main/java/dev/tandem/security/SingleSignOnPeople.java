package dev.tandem.security;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import dev.tandem.org.NewPerson;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.org.Role;

/**
 * Turns an OpenID Connect sign-in into a Tandem person. Once linked, a person is found by
 * the provider's stable subject. The first time, by the username claim, then by a verified
 * e-mail address; failing both, a MEMBER is created (no teams, no password).
 */
class SingleSignOnPeople implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final String USERNAME = "^[A-Za-z0-9._@-]{2,64}$";

	private final OidcUserService provider = new OidcUserService();
	private final Organisation organisation;
	private final JdbcClient jdbc;
	private final SingleSignOnProperties properties;
	private final Clock clock;

	SingleSignOnPeople(Organisation organisation, JdbcClient jdbc, SingleSignOnProperties properties, Clock clock) {
		this.organisation = organisation;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var user = provider.loadUser(request);
		var issuer = user.getIssuer() == null ? request.getClientRegistration().getProviderDetails().getIssuerUri()
				: user.getIssuer().toString();
		var person = linked(issuer, user.getSubject()).orElseGet(() -> link(issuer, user));
		if (!person.active()) {
			throw refused("This person is deactivated in Tandem.");
		}
		var authorities = AuthorityUtils.createAuthorityList("ROLE_" + person.role().name());
		return new SignedInOidcUser(user, person.username(), authorities);
	}

	private Optional<PersonView> linked(String issuer, String subject) {
		return jdbc.sql("select person_id from person_identity where issuer = :issuer and subject = :subject")
			.param("issuer", issuer)
			.param("subject", subject)
			.query(Long.class)
			.optional()
			.flatMap(organisation::findPerson);
	}

	private PersonView link(String issuer, OidcUser user) {
		var claimed = user.getClaimAsString(properties.usernameClaim());
		var person = Optional.ofNullable(claimed).flatMap(organisation::findPerson)
			.or(() -> verifiedEmail(user).flatMap(organisation::findPersonByEmail))
			.orElseGet(() -> asSystem(() -> organisation.createPerson(newMember(user, claimed))));
		var alreadyLinked = jdbc.sql("select count(*) from person_identity where issuer = :issuer and person_id = :person")
			.param("issuer", issuer)
			.param("person", person.id())
			.query(Long.class)
			.single();
		if (alreadyLinked > 0) {
			// someone else at the provider claims this person's name or address: never merge two accounts
			throw refused("This Tandem person is already linked to another account of the identity provider.");
		}
		jdbc.sql("insert into person_identity (issuer, subject, person_id, created_at) values (:issuer, :subject, :person, :now)")
			.param("issuer", issuer)
			.param("subject", user.getSubject())
			.param("person", person.id())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return person;
	}

	private NewPerson newMember(OidcUser user, String claimed) {
		var email = verifiedEmail(user).filter(address -> address.length() <= 254).orElse(null);
		var username = List.of(nullToEmpty(claimed), nullToEmpty(email), "sso-" + Integer.toHexString(user.getSubject().hashCode()))
			.stream()
			.filter(candidate -> candidate.matches(USERNAME) && organisation.findPerson(candidate).isEmpty())
			.findFirst()
			.orElseThrow(() -> refused("No usable username for this account; ask an administrator to create you."));
		var name = user.getFullName() == null || user.getFullName().isBlank() ? username : user.getFullName().strip();
		return new NewPerson(username, name.length() > 200 ? name.substring(0, 200) : name, email, Role.MEMBER, List.of(),
				null);
	}

	private static Optional<String> verifiedEmail(OidcUser user) {
		return Boolean.TRUE.equals(user.getEmailVerified()) ? Optional.ofNullable(user.getEmail()) : Optional.empty();
	}

	/** Creating a person is an administrator's act; here the system does it on the newcomer's behalf. */
	private static <T> T asSystem(Supplier<T> action) {
		var holder = SecurityContextHolder.getContextHolderStrategy();
		var previous = holder.getContext();
		holder.setContext(holder.createEmptyContext());
		try {
			return action.get();
		}
		finally {
			holder.setContext(previous);
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value.strip();
	}

	private static OAuth2AuthenticationException refused(String message) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", message, null), message);
	}
}
