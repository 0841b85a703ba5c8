package dev.tandem.loop;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.Kpis;
import dev.tandem.scheduling.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Time moves the loop without any event: a KPI goes stale, a key result's cycle ends, an alert's
 * objective stops. The sweep re-judges every KPI for proposals, every open cycle's key results
 * for graduation and every guardrail, on one instance per round (see the scheduling module).
 * Set-and-forget needs no sweep: the coach measures it against the clock when asked.
 */
@Component
class LoopSweep {

	private final LoopReactions reactions;
	private final Graduations graduations;
	private final Kpis kpis;
	private final JobRuns runs;

	LoopSweep(LoopReactions reactions, Graduations graduations, Kpis kpis, JobRuns runs) {
		this.reactions = reactions;
		this.graduations = graduations;
		this.kpis = kpis;
		this.runs = runs;
	}

	@Scheduled(cron = "${tandem.jobs.loop-sweep.cron}", zone = "UTC")
	@SchedulerLock(name = "loop-sweep", lockAtLeastFor = "${tandem.jobs.loop-sweep.lock-at-least-for}")
	void sweep() {
		runs.run("loop-sweep", this::run);
	}

	void run() {
		kpis.health(java.util.Optional.empty()).stream()
			.filter(health -> health.status() == dev.tandem.kpi.HealthStatus.RED || health.worseningSignal())
			.forEach(health -> reactions.propose(health.kpi()));
		reactions.graduate(graduations.reachedNow());
		reactions.guard();
	}
}
