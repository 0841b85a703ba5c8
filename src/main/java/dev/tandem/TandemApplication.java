package dev.tandem;

import java.time.Clock;
import java.time.ZoneId;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableAsync
public class TandemApplication {

	public static void main(String[] args) {
		SpringApplication.run(TandemApplication.class, args);
	}

	/** The organisation's time zone: periods (days, weeks, months) start at midnight here. */
	@Bean
	ZoneId organisationZone(@Value("${tandem.zone:UTC}") String zone) {
		return ZoneId.of(zone);
	}

	/**
	 * Unquoted identifiers: H2 (with DATABASE_TO_LOWER) and PostgreSQL then fold names the same
	 * way, so one set of migrations serves both.
	 */
	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

	/** The one line a person starting Tandem looks for: where to open it, once it is ready (demo loaded). */
	@EventListener
	void announce(ApplicationReadyEvent event) {
		var port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		if (port != null) {
			LoggerFactory.getLogger(TandemApplication.class).info("Tandem is running at http://localhost:{}/", port);
		}
	}

	@Bean
	Clock clock(ZoneId organisationZone) {
		return Clock.system(organisationZone);
	}
}
