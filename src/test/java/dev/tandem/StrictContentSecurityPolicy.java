package dev.tandem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Serves every response of a browser test under the policy production will have: scripts and
 * styles from the application itself only, no inline script, no inline style, no eval. A page
 * that breaks it logs a console error, and the browser test fails on it. It runs first and on
 * error dispatches too, so that the sign-in page and the error pages are held to it as well.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StrictContentSecurityPolicy {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	FilterRegistrationBean<Filter> strictContentSecurityPolicy() {
		Filter filter = (request, response, chain) -> {
			// Swagger UI (springdoc's page, not ours) gets the policy SecurityConfiguration gives it in production
			if (response instanceof HttpServletResponse http && !(request instanceof jakarta.servlet.http.HttpServletRequest r
					&& r.getRequestURI().startsWith("/swagger-ui/"))) {
				http.setHeader("Content-Security-Policy", POLICY);
			}
			chain.doFilter(request, response);
		};
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
		return registration;
	}
}
