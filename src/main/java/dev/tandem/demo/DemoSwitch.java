package dev.tandem.demo;

import org.springframework.core.env.Environment;

/** TANDEM_DEMO when set; otherwise on for the embedded database and off for PostgreSQL. */
final class DemoSwitch {

	private DemoSwitch() {
	}

	static boolean enabled(Environment environment) {
		var setting = environment.getProperty("tandem.demo", "");
		if (!setting.isBlank()) {
			return Boolean.parseBoolean(setting.strip());
		}
		return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}
}
