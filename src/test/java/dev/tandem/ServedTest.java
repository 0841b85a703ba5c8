package dev.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test that talks to the application over real HTTP: it listens on a random port with an H2
 * database of its own (or PostgreSQL in the build's second pass, for tests tagged {@code db}),
 * pages under a strict content security policy. The browser tests use the same settings, so all
 * of these share one application context.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(StrictContentSecurityPolicy.class)
@TestPropertySource(properties = { "tandem.demo=false", "tandem.admin.user=" + TestUsers.ADMIN,
		"tandem.admin.password=" + TestUsers.ADMIN_PASSWORD, "logging.level.root=warn",
		"logging.level.dev.tandem=info" })
public @interface ServedTest {
}
