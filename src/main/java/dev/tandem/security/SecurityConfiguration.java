package dev.tandem.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.tandem.org.Organisation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains: Actuator (health for anyone, the rest for administrators and API
 * tokens), the API (HTTP Basic or a bearer token on every call, problem details
 * for 401/403, no CSRF token needed when credentials come in the Authorization header), and
 * the pages (form sign-in, optional single sign-on, CSRF tokens on every form). Everything
 * but static assets and the sign-in page requires a signed-in person; what a person may
 * change is decided by {@link dev.tandem.org.Permissions}, not here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SignInPolicy.class, SingleSignOnProperties.class })
class SecurityConfiguration {

	static final String[] PUBLIC_PATHS = { "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/login",
			"/error",
			// the API's description (see dev.tandem.openapi): the same for everyone, no data in it
			"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			// the signed one-click unsubscribe link of an e-mail (see dev.tandem.notify): the token is the credential
			"/unsubscribe/**" };

	/** springdoc's Swagger UI, the one page that is not Tandem's own. */
	private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

	private final String contentSecurityPolicy;

	private final String swaggerUiContentSecurityPolicy;

	SecurityConfiguration(@Value("${tandem.security.content-security-policy}") String contentSecurityPolicy) {
		this.contentSecurityPolicy = contentSecurityPolicy;
		this.swaggerUiContentSecurityPolicy = swaggerUiPolicy(contentSecurityPolicy);
	}

	/**
	 * Swagger UI's scripts are files of its own (script-src 'self' holds), but it sets inline
	 * styles, which the strict policy blocks (and Chromium reports as an error): on its pages
	 * only, styles may be inline. No script is loosened, and Tandem's own pages keep the policy.
	 */
	static String swaggerUiPolicy(String policy) {
		var relaxed = policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
		if (relaxed.equals(policy)) {
			throw new IllegalStateException("tandem.security.content-security-policy has no \"style-src 'self'\" to relax for Swagger UI");
		}
		return relaxed;
	}

	/** bcrypt for new passwords; the delegating encoder still verifies (and names) older schemes. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SignInThrottle signInThrottle(SignInPolicy policy, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc) {
		return new SignInThrottle(policy, clock, events, jdbc);
	}

	/**
	 * The only AuthenticationProvider bean, so Spring Security builds the shared
	 * AuthenticationManager — used by the form and by HTTP Basic alike — from it alone.
	 */
	@Bean
	AuthenticationProvider passwordSignIn(Organisation organisation, PasswordEncoder passwords, SignInThrottle throttle) {
		var dao = new DaoAuthenticationProvider(people(organisation));
		dao.setPasswordEncoder(passwords);
		return new ThrottledSignIn(dao, throttle);
	}

	private static UserDetailsService people(Organisation organisation) {
		return username -> {
			var person = organisation.findPerson(username)
				.filter(found -> found.active())
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
			var hash = organisation.passwordHash(username)
				.orElseThrow(() -> new UsernameNotFoundException("no password"));
			return User.withUsername(person.username()).password(hash).roles(person.role().name()).build();
		};
	}

	/**
	 * Actuator: health (and its liveness and readiness probes) for anyone, as a load balancer
	 * or an orchestrator asks without credentials — only the status, details for administrators;
	 * everything else (metrics, info) for administrators and for API tokens, so that a
	 * Prometheus scraper needs a token, not a person's password. A 401 says so as a problem.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain operations(HttpSecurity http, ApiTokens tokens, JsonMapper json) throws Exception {
		var problems = new ApiProblems(json);
		return http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(
						authentication.get() instanceof ApiTokenAuthentication || isAdmin(authentication.get()))))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// only reads are exposed (health, info, metrics): nothing for a forged request to change
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(this::headers)
			.build();
	}

	private static boolean isAdmin(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, JsonMapper json) throws Exception {
		var problems = new ApiProblems(json);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesNoSession))
			.requestCache(cache -> cache.disable())
			.headers(this::headers)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, ObjectProvider<SingleSignOnPeople> singleSignOn) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS).permitAll()
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(formFailure()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// RFC 8058: a mail client unsubscribes with a plain POST to the signed link, which carries no CSRF token
			.csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/**"))
			.headers(this::headers);
		var people = singleSignOn.getIfAvailable();
		if (people != null) {
			http.oauth2Login(login -> login.loginPage("/login")
				.failureUrl("/login?sso-failed")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(people)));
		}
		return http.build();
	}

	/**
	 * CSRF protects what a browser sends on its own: the session cookie. A request with
	 * credentials in its Authorization header (which a forged cross-site request cannot set),
	 * or with no session at all, has nothing to forge — and an anonymous one then gets a 401.
	 */
	private static boolean carriesNoSession(jakarta.servlet.http.HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null;
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
				new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
					new ContentSecurityPolicyHeaderWriter(swaggerUiContentSecurityPolicy)))
			.frameOptions(frames -> frames.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.contentTypeOptions(options -> {
			});
	}

	/** Back to the sign-in page, saying whether the password was wrong or sign-in is locked (and for how long). */
	private static AuthenticationFailureHandler formFailure() {
		return (request, response, e) -> {
			var query = e instanceof SignInLockedException locked
					? "locked=" + Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60) : "error";
			response.sendRedirect(request.getContextPath() + "/login?" + query);
		};
	}
}
