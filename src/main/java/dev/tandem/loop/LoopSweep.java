package dev.tandem.loop;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.kpi.Kpis;
import dev.tandem.scheduling.JobLock;

/**
 * Time moves the loop without any event: a KPI goes stale, a key result's cycle ends, an alert's
 * objective stops. The sweep re-judges every KPI for proposals, every open cycle's key results
 * for graduation and every guardrail, under a lock so that one instance runs it at a time.
 * Set-and-forget needs no sweep: the coach measures it against the clock when asked.
 */
@Component
class LoopSweep {

	private final LoopReactions reactions;
	private final Graduations graduations;
	private final Kpis kpis;
	private final JobLock lock;

	LoopSweep(LoopReactions reactions, Graduations graduations, Kpis kpis, JobLock lock) {
		this.reactions = reactions;
		this.graduations = graduations;
		this.kpis = kpis;
		this.lock = lock;
	}

	@Scheduled(fixedDelayString = "${tandem.sweep.loop-interval:PT15M}", initialDelayString = "PT2M")
	void sweep() {
		lock.runExclusively("loop-sweep", Duration.ofMinutes(10), this::run);
	}

	void run() {
		kpis.health(java.util.Optional.empty()).stream()
			.filter(health -> health.status() == dev.tandem.kpi.HealthStatus.RED || health.worseningSignal())
			.forEach(health -> reactions.propose(health.kpi()));
		reactions.graduate(graduations.reachedNow());
		reactions.guard();
	}
}
