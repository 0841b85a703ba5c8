package dev.tandem.kpi;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.scheduling.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Time changes health without any new data (a KPI goes STALE): re-judge every KPI now and then,
 * on one instance per round (see the scheduling module).
 */
@Component
class HealthSweepJob {

	private final HealthSweep sweep;
	private final JobRuns runs;

	HealthSweepJob(HealthSweep sweep, JobRuns runs) {
		this.sweep = sweep;
		this.runs = runs;
	}

	@Scheduled(cron = "${tandem.jobs.kpi-health-sweep.cron}", zone = "UTC")
	@SchedulerLock(name = "kpi-health-sweep", lockAtLeastFor = "${tandem.jobs.kpi-health-sweep.lock-at-least-for}")
	void sweep() {
		runs.run("kpi-health-sweep", sweep::run);
	}
}
