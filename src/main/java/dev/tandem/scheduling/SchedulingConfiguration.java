package dev.tandem.scheduling;

import java.lang.management.ManagementFactory;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * ShedLock on the application's database. A crashed holder's lock expires after
 * {@code lockAtMostFor} (30 minutes unless a job says otherwise), longer than any sweep takes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource, PlatformTransactionManager transactions) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTransactionManager(transactions)
			// the database's clock, not each instance's: "until when" means the same to all of them
			.usingDbTime()
			// pid@host: which instance holds a job, for an operator looking at the table
			.withLockedByValue(ManagementFactory.getRuntimeMXBean().getName())
			.build());
	}
}
