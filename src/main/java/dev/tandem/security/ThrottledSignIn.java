package dev.tandem.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in, for the form and HTTP Basic alike, behind the throttle: a locked
 * username or address is refused before its password is even checked, so guessing on
 * during a lock learns nothing.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;
	private final SignInThrottle throttle;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		var username = attempt.getName();
		var address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		throttle.check(username, address);
		try {
			var result = passwords.authenticate(attempt);
			throttle.succeeded(username);
			return result;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username, address);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
