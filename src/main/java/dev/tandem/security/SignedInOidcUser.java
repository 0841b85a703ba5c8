package dev.tandem.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The provider's user, named by the Tandem username it maps to: the authentication's name is
 * what permissions and the audit trail look people up by.
 */
record SignedInOidcUser(OidcUser user, String username, Collection<? extends GrantedAuthority> authorities)
		implements OidcUser, java.io.Serializable {

	@Override
	public String getName() {
		return username;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public Map<String, Object> getClaims() {
		return user.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return user.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return user.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return user.getAttributes();
	}
}
