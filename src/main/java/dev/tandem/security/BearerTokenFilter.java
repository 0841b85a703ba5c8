package dev.tandem.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in by {@code Authorization: Bearer <api token>}. Stateless: the token is
 * checked on every request and nothing is kept in a session. A wrong token is refused at
 * once rather than let through as anonymous, so a script learns its token is bad.
 * Deliberately not a bean, so that Boot does not also register it for every request.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;
	private final AuthenticationEntryPoint entryPoint;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		var authentication = tokens.authenticate(header.substring(BEARER.length()).strip());
		if (authentication.isEmpty()) {
			contexts.clearContext();
			entryPoint.commence(request, response, new InvalidApiTokenException());
			return;
		}
		authentication.get().setDetails(details.buildDetails(request));
		var context = contexts.createEmptyContext();
		context.setAuthentication(authentication.get());
		contexts.setContext(context);
		chain.doFilter(request, response);
	}
}
