package dev.tandem.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Times each run of a periodic job on the instance that took its lock — rounds another
 * instance ran are not counted here, so the sum over instances is the runs in all:
 * {@code tandem.jobs.run} with tags {@code job} and {@code outcome} (success or failure), whose
 * count is the runs and whose sum their time.
 */
@Component
public class JobRuns {

	private final MeterRegistry meters;

	JobRuns(MeterRegistry meters) {
		this.meters = meters;
	}

	/** Runs the job's body, timed; a failure is counted and passed on to the scheduler, which logs it. */
	public void run(String job, Runnable body) {
		var sample = Timer.start(meters);
		var outcome = "failure";
		try {
			body.run();
			outcome = "success";
		}
		finally {
			sample.stop(Timer.builder("tandem.jobs.run")
				.description("Runs of a periodic job on this instance")
				.tag("job", job)
				.tag("outcome", outcome)
				.register(meters));
		}
	}
}
