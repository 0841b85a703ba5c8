package dev.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole-application test against a real database: H2, or PostgreSQL in the build's second
 * pass. Tests share one context per database, so they use keys of their own and never assume
 * an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = { "tandem.demo=false", "tandem.admin.user=" + TestUsers.ADMIN,
		"tandem.admin.password=" + TestUsers.ADMIN_PASSWORD, "logging.level.root=warn", "spring.main.banner-mode=off",
		"logging.level.dev.tandem=info",
		// connections' secrets are encrypted with it (pulls)
		"tandem.secret-key=" + TestUsers.SECRET_KEY,
		// tests run pulls themselves (PullRuns.runDue, PullJob.run), never behind their backs
		"tandem.jobs.pulls.cron=-",
		// every test request comes from 127.0.0.1: the per-address lock is tested on its own
		"tandem.security.sign-in.max-failures-per-address=0" })
@Tag("db")
public @interface TandemTest {
}
