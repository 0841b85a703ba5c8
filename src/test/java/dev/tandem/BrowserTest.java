package dev.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives the running application in real Chromium: the app listens on a random
 * port with an H2 database of its own, and each test method may take a {@link BrowserSession}
 * parameter. Pages are served under a strict content security policy, so that an inline
 * script or style fails the test as it would fail in production. Tagged {@code browser}, not
 * {@code db}: the PostgreSQL pass of the build does not run these again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServedTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
public @interface BrowserTest {
}
