package dev.tandem.pull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.problem.Quoted;

/**
 * Runs PULL KPIs: fetches outside any transaction (a slow source holds no database connection),
 * then stores the points through the KPI API as one write, and records the run. A failure of any
 * kind is a FAILED run with its reason, makes the KPI STALE and retries with back-off. Due pulls
 * run on a bounded pool, so one hung source does not hold up the others.
 */
@Service
public class PullRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PullRuns.class);

	/** At most this many due pulls per round; the rest wait for the next. */
	static final int ROUND = 5_000;

	private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();

	private final KpiPullStore targets;
	private final PullRunStore runs;
	private final Connections connections;
	private final Kpis kpis;
	private final PullSettings settings;
	private final MeterRegistry meters;
	private final Clock clock;
	private final ZoneId zone;
	private final ExecutorService pool;

	PullRuns(KpiPullStore targets, PullRunStore runs, Connections connections, Kpis kpis, PullSettings settings,
			MeterRegistry meters, Clock clock, ZoneId zone) {
		this.targets = targets;
		this.runs = runs;
		this.connections = connections;
		this.kpis = kpis;
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
		this.zone = zone;
		this.pool = Executors.newFixedThreadPool(Math.max(1, settings.poolSize()), task -> {
			var thread = new Thread(task, "pull-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs the KPI's pull now, for whoever may record its values. */
	public PullRunView runNow(String key) {
		kpis.requireRecorderOf(key);
		var kpi = kpis.get(key);
		var target = targets.target(kpi.id()).orElseThrow(() -> new InvalidInputException("source",
				"the KPI " + Quoted.of(key) + " has no pull settings (its source is " + kpi.source()
						+ "); set source PULL and its pull"));
		return execute(kpi, target, clock.instant());
	}

	/** The KPI's runs, newest first. */
	public List<PullRunView> runs(String key, int limit, int offset) {
		var kpi = kpis.find(key).orElseThrow(() -> new NotFoundException("KPI", key));
		return runs.of(kpi.id(), limit, offset);
	}

	/** Runs every pull due at {@code now} on the pool and waits for them; returns how many ran. */
	public int runDue(Instant now) {
		var due = targets.due(now, ROUND);
		if (due.isEmpty()) {
			return 0;
		}
		var names = kpis.names(due);
		var futures = new ArrayList<Future<?>>(due.size());
		for (var kpiId : due) {
			var name = names.get(kpiId);
			if (name == null) {
				continue;
			}
			futures.add(pool.submit(() -> {
				var kpi = kpis.find(name.key()).orElse(null);
				var target = targets.target(kpiId).orElse(null);
				if (kpi != null && target != null) {
					execute(kpi, target, now);
				}
			}));
		}
		int ran = 0;
		for (var future : futures) {
			try {
				future.get();
				ran++;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException e) {
				log.warn("A scheduled pull could not be recorded", e.getCause());
			}
		}
		return ran;
	}

	PullRunView execute(KpiView kpi, PullTarget target, Instant now) {
		var started = clock.instant();
		Connection connection = null;
		int points = 0;
		String failure = null;
		try {
			connection = connections.connection(target.connectionId());
			var access = connections.access(connection);
			var backfillFrom = target.backfilled() ? null : now.minus(settings.backfill());
			var fetched = connections.feed(connection.kind())
				.fetch(access, new PullSpec(target.query(), target.valuePath(), target.timePath(), kpi.frequency()), now,
						backfillFrom);
			var measurements = fetched.stream().map(f -> new NewMeasurement(kpi.key(), f.at(), f.value(), null)).toList();
			points = kpis.recordPulled(kpi.key(), measurements, recorder(connection));
		}
		catch (FeedException | SecretBox.SecretUnreadableException e) {
			failure = e.getMessage();
		}
		catch (InvalidInputException e) {
			failure = "the source's values could not be recorded: " + String.join("; ",
					e.problems().stream().limit(3).map(p -> p.field() + ": " + p.message()).toList());
		}
		catch (RuntimeException e) {
			failure = "the pull failed unexpectedly (" + e.getClass().getSimpleName() + "); see the server log";
			log.warn("Pull of KPI {} failed unexpectedly", kpi.key(), e);
		}
		var finished = clock.instant();
		var name = connection == null ? "#" + target.connectionId() : connection.name();
		var kind = connection == null ? "unknown" : connection.kind().name().toLowerCase(Locale.ROOT);
		if (failure == null) {
			targets.succeeded(kpi.id(), PullSchedule.next(target.schedule(), kpi.frequency(), now, zone));
			count(kind, "ok");
			return runs.insert(kpi.id(), name, PullRunView.Status.OK, points, null, started, finished);
		}
		log.warn("Pull of KPI {} from connection {} failed: {}", kpi.key(), name, failure);
		kpis.pullFailed(kpi.key(), "connection " + Quoted.of(name) + ": " + failure);
		targets.failed(kpi.id(), PullSchedule.retry(target.failures() + 1, now, settings.maxBackoff()));
		count(kind, "failed");
		Counter.builder("tandem.pull.failures").description("Failed pulls, by kind of connection").tag("kind", kind)
			.register(meters).increment();
		return runs.insert(kpi.id(), name, PullRunView.Status.FAILED, 0, failure, started, finished);
	}

	private void count(String kind, String status) {
		Counter.builder("tandem.pull.runs").description("Runs of scheduled pulls, by kind of connection and outcome")
			.tag("kind", kind).tag("status", status).register(meters).increment();
	}

	private static String recorder(Connection connection) {
		var name = "pull:" + connection.name();
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

}
