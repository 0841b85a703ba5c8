package dev.tandem.kpi;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.scheduling.JobLock;

/** Time changes health without any new data (a KPI goes STALE): re-judge every KPI now and then. */
@Component
class HealthSweepJob {

	private final HealthSweep sweep;
	private final JobLock lock;

	HealthSweepJob(HealthSweep sweep, JobLock lock) {
		this.sweep = sweep;
		this.lock = lock;
	}

	@Scheduled(fixedDelayString = "${tandem.sweep.health-interval:PT15M}", initialDelayString = "PT1M")
	void sweep() {
		lock.runExclusively("kpi-health-sweep", Duration.ofMinutes(10), sweep::run);
	}
}
