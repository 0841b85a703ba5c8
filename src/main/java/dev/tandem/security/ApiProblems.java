package dev.tandem.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import tools.jackson.databind.json.JsonMapper;

/**
 * How the API says "who are you?" and "not you": problem details like every other API error,
 * never the sign-in page's HTML or a redirect that a script would follow blindly.
 */
class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ApiProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof SignInLockedException locked) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfter().toSeconds()));
			write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", locked.getMessage());
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tandem\", Bearer realm=\"Tandem\"");
		var detail = e instanceof InvalidApiTokenException ? e.getMessage()
				: request.getHeader(HttpHeaders.AUTHORIZATION) != null ? "The username or password is wrong."
						: "Sign in: send HTTP Basic credentials or an API token as 'Authorization: Bearer <token>'.";
		write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		var detail = e instanceof CsrfException
				? "A request signed in by a browser session needs its CSRF token; scripts should use HTTP Basic or an API token."
				: "You may read this but not change it.";
		write(response, HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
