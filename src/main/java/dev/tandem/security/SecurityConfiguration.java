package dev.tandem.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import dev.tandem.org.Organisation;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService people(Organisation organisation) {
		return username -> {
			var person = organisation.findPerson(username)
				.filter(found -> found.active())
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
			var hash = organisation.passwordHash(username)
				.orElseThrow(() -> new UsernameNotFoundException("no password"));
			return User.withUsername(person.username()).password(hash).roles(person.role().name()).build();
		};
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
				.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.formLogin(Customizer.withDefaults())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
			.build();
	}
}
