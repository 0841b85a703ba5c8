package dev.tandem.backup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

	/** Static: a post-processor is made before the other beans, the data source among them. */
	@Bean
	static EmbeddedDatabaseOpening embeddedDatabaseOpening(Environment environment) {
		return new EmbeddedDatabaseOpening(environment);
	}
}
