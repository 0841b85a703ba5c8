package dev.tandem.scheduling;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;

/**
 * Tandem's periodic jobs, checked when an instance starts: a job without a lock, or with a lock
 * and schedule that would let it run twice in an interval or skip rounds, is a mistake to refuse
 * at start-up rather than to find in production (see {@link JobSchedule}).
 */
@Component
class JobSchedules {

	private final ConfigurableListableBeanFactory beans;
	private final ExtendedLockConfigurationExtractor locks;

	JobSchedules(ConfigurableListableBeanFactory beans, ExtendedLockConfigurationExtractor locks) {
		this.beans = beans;
		this.locks = locks;
	}

	List<JobSchedule> all() {
		var jobs = new ArrayList<JobSchedule>();
		for (var name : beans.getBeanNamesForType(Object.class, false, false)) {
			var type = beans.getType(name);
			if (type == null || !type.getPackageName().startsWith("dev.tandem")) {
				continue;
			}
			var bean = beans.getBean(name);
			MethodIntrospector.selectMethods(AopUtils.getTargetClass(bean),
					(MethodIntrospector.MetadataLookup<Scheduled>) method -> AnnotatedElementUtils
						.findMergedAnnotation(method, Scheduled.class))
				.forEach((method, scheduled) -> jobs.add(schedule(bean, method, scheduled)));
		}
		return jobs;
	}

	@EventListener(ApplicationStartedEvent.class)
	void check() {
		var problems = all().stream().map(JobSchedule::problem).flatMap(Optional::stream).toList();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Periodic jobs would not run once per interval: " + String.join("; ", problems));
		}
	}

	private JobSchedule schedule(Object bean, Method method, Scheduled scheduled) {
		var cron = scheduled.cron().isBlank() ? null : beans.resolveEmbeddedValue(scheduled.cron());
		var lock = locks.getLockConfiguration(bean, method, new Object[0]);
		return new JobSchedule(lock.map(found -> found.getName()).orElse(method.toGenericString()), cron,
				scheduled.zone(), lock.map(found -> found.getLockAtLeastFor()).orElse(null));
	}
}
