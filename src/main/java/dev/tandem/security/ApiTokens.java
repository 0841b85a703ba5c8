package dev.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/** API tokens: created for the signed-in person, listed without their secrets, revoked, and checked on use. */
@Service
@Transactional(readOnly = true)
class ApiTokens {

	static final String PREFIX = "tdm_";

	/** How stale "last used" may be: a busy script must not turn every read into a write. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Organisation organisation, Permissions permissions, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	CreatedApiToken create(ApiTokenRequest request) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
			// a leaked token must not be able to mint successors that outlive its revocation
			throw new ForbiddenException("Sign in with your password or single sign-on to create API tokens, not with a token.");
		}
		var owner = organisation.signedIn()
			.orElseThrow(() -> new ForbiddenException("Only a signed-in person may create API tokens."));
		var now = clock.instant();
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw new InvalidInputException("expiresAt", "must be in the future");
		}
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into api_token (person_id, name, token_hash, created_at, expires_at)
				values (:person, :name, :hash, :now, :expires)""")
			.param("person", owner.id())
			.param("name", request.name().strip())
			.param("hash", hash(secret))
			.param("now", at(now))
			.param("expires", request.expiresAt() == null ? null : at(request.expiresAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		var view = new ApiTokenView(id, request.name().strip(), owner.username(), now, request.expiresAt(), null);
		events.publishEvent(new AuditableChange("token.created", Long.toString(id),
				"Created API token '" + view.name() + "' for " + owner.username(), null, view));
		return new CreatedApiToken(id, secret, view.name(), view.expiresAt());
	}

	/** The tokens of one person: the signed-in person's own, or anyone's for an administrator. */
	List<ApiTokenView> list(String username) {
		var owner = username == null ? organisation.signedIn()
			.orElseThrow(() -> new ForbiddenException("Only a signed-in person has API tokens."))
				: organisation.findPerson(username).orElseThrow(() -> new NotFoundException("person", username));
		permissions.requireSelfOrAdmin(owner.id());
		return jdbc.sql("""
				select t.id, t.name, p.username, t.created_at, t.expires_at, t.last_used_at
				from api_token t join person p on p.id = t.person_id
				where t.person_id = :person order by t.created_at, t.id""")
			.param("person", owner.id())
			.query(ApiTokens::view)
			.list();
	}

	@Transactional
	void revoke(long id) {
		var token = jdbc.sql("""
				select t.id, t.name, p.username, t.created_at, t.expires_at, t.last_used_at, t.person_id
				from api_token t join person p on p.id = t.person_id where t.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Owned(view(rs, n), rs.getLong("person_id")))
			.optional()
			.orElseThrow(() -> new NotFoundException("API token", id));
		permissions.requireSelfOrAdmin(token.personId());
		jdbc.sql("delete from api_token where id = :id").param("id", id).update();
		events.publishEvent(new AuditableChange("token.revoked", Long.toString(id),
				"Revoked API token '" + token.view().name() + "' of " + token.view().owner(), token.view(), null));
	}

	/** The authentication a presented secret stands for, if it is a live token of an active person. */
	@Transactional
	Optional<ApiTokenAuthentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var now = clock.instant();
		var found = jdbc.sql("""
				select t.id, t.expires_at, t.last_used_at, p.username, p.role
				from api_token t join person p on p.id = t.person_id
				where t.token_hash = :hash and p.active = true""")
			.param("hash", hash(secret))
			.query((rs, n) -> new Live(rs.getLong("id"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
					rs.getString("username"), rs.getString("role")))
			.optional()
			.filter(token -> token.expiresAt() == null || token.expiresAt().isAfter(now));
		found.filter(token -> token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
			.ifPresent(token -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
				.param("now", at(now))
				.param("id", token.id())
				.update());
		return found.map(token -> new ApiTokenAuthentication(token.username(), token.id(),
				AuthorityUtils.createAuthorityList("ROLE_" + token.role())));
	}

	private byte[] randomBytes() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

	static String hash(String secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	private static ApiTokenView view(ResultSet rs, int row) throws SQLException {
		return new ApiTokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private record Owned(ApiTokenView view, long personId) {
	}

	private record Live(long id, Instant expiresAt, Instant lastUsedAt, String username, String role) {
	}
}
