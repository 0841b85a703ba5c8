package dev.tandem;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** When every test has run: the PostgreSQL test contexts and server are closed in order (see TestDatabase). */
public class TestSessionEnd implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		TestDatabase.shutDown();
	}
}
