package dev.tandem.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * Signed in with an API token. Its name is the owner's username, so everything the token
 * does is attributed to its owner.
 */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String username;
	private final long tokenId;

	ApiTokenAuthentication(String username, long tokenId, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.username = username;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return username;
	}

	long tokenId() {
		return tokenId;
	}
}
