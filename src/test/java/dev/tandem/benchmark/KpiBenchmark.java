package dev.tandem.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.TestDatabase;
import dev.tandem.TestUsers;

/**
 * The KPI benchmarks of the foundation issue, on PostgreSQL, reported not asserted:
 * 1. ingestion of 1,000,000 measurements for 1,000 KPIs through POST /api/measurements (NDJSON,
 *    over real HTTP on loopback), beside a raw COPY of the same rows into a table shaped like
 *    measurement (same columns and indexes) — the ratio COPY time / endpoint time is the figure;
 * 2. GET /api/health over 10,000 KPIs with 1,000 points each.
 * Run with: ./mvnw -B -Pbenchmark test -Dtest=KpiBenchmark
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = { "tandem.demo=false", "tandem.admin.user=" + TestUsers.ADMIN,
		"tandem.admin.password=" + TestUsers.ADMIN_PASSWORD, "logging.level.root=warn", "spring.main.banner-mode=off",
		"spring.datasource.hikari.maximum-pool-size=4", "logging.level.dev.tandem.kpi.MeasurementRecorder=debug",
		"logging.level.dev.tandem.ingest.IngestApiController=debug", "logging.level.dev.tandem.kpi.Kpis=debug",
		"logging.level.dev.tandem.kpi.KpiReader=debug", "logging.level.dev.tandem.kpi.KpiApiController=debug" })
class KpiBenchmark {

	/**
	 * The sizes of the issue by default; smaller ones for quick iterations, e.g.
	 * {@code -Dbench.kpis=100 -Dbench.points=2000 -Dbench.batches=2}. Figures from a quick run are not
	 * the benchmark's.
	 */
	static final int KPIS = Integer.getInteger("bench.kpis", 1_000);

	static final int POINTS_PER_KPI = Integer.getInteger("bench.points", 1_000);

	/** How many more batches of KPIS KPIs are loaded for the dashboard (9 makes it 10,000 KPIs). */
	static final int DASHBOARD_BATCHES = Integer.getInteger("bench.batches", 9);

	/** Raw, event-level points: one every 15 minutes, rolled up into daily periods. */
	static final long STEP_SECONDS = 900;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	final HttpClient http = HttpClient.newHttpClient();

	final StringBuilder report = new StringBuilder();

	@Test
	void ingestionAndDashboard() throws Exception {
		assertThat(TestDatabase.isPostgres()).as("benchmarks run on PostgreSQL (-Pbenchmark)").isTrue();
		long teamId = seedTeam();
		var start = Instant.parse("2026-01-01T00:00:00Z");

		// warm-up: JIT, connection pool and plans, on KPIs of their own
		var warmKpis = seedKpis("warm", 50, teamId);
		post(ndjson(warmKpis, start, 200));
		copy(ndjsonRows(warmKpis, start, 200));

		var kpis = seedKpis("bench", KPIS, teamId);
		var body = ndjson(kpis, start, POINTS_PER_KPI);
		var rows = ndjsonRows(kpis, start, POINTS_PER_KPI);
		long copyNanos = copy(rows);
		long endpointNanos = post(body);
		line("Ingestion of %,d measurements for %,d KPIs (NDJSON %,d MB)", kpis.size() * POINTS_PER_KPI, kpis.size(),
				body.length / 1_000_000);
		line("  raw COPY into a measurement-shaped table: %,d ms", copyNanos / 1_000_000);
		line("  POST /api/measurements (parse, validate, insert, roll up, judge): %,d ms", endpointNanos / 1_000_000);
		line("  ratio COPY / endpoint: %.2f (aim >= 0.5)", (double) copyNanos / endpointNanos);
		assertThat(jdbc.sql("select count(*) from measurement m join kpi k on k.id = m.kpi_id where k.slug like 'bench-%'")
			.query(Long.class).single()).isEqualTo(kpis.size() * (long) POINTS_PER_KPI);

		// the dashboard: 10,000 KPIs with 1,000 points each (the 1,000 above plus 9,000 more)
		System.out.println("\n" + report);
		for (int batch = 1; batch <= DASHBOARD_BATCHES; batch++) {
			var more = seedKpis("more" + batch, KPIS, teamId);
			post(ndjson(more, start, POINTS_PER_KPI));
		}
		long count = jdbc.sql("select count(*) from kpi").query(Long.class).single();
		// a dashboard is read in a settled database, not while PostgreSQL still writes out 10 million fresh rows
		jdbc.sql("checkpoint").update();
		jdbc.sql("vacuum analyze").update();
		var token = BenchmarkCredentials.bearer(http, port);
		var withToken = dashboard(token);
		var withBasic = dashboard(BenchmarkCredentials.basic());
		line("GET /api/health over %,d KPIs (%,d measurements, response %,d KB), 10 runs after 2 warm-ups:", count,
				jdbc.sql("select count(*) from measurement").query(Long.class).single(), withToken.bytes() / 1000);
		line("  with an API token: median %,d ms, best %,d ms, worst %,d ms (aim < 300 ms)", withToken.median(),
				withToken.best(), withToken.worst());
		line("  with HTTP Basic (a bcrypt check per request): median %,d ms, best %,d ms, worst %,d ms",
				withBasic.median(), withBasic.best(), withBasic.worst());
		var out = Path.of("target", "benchmarks", "kpi.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report.toString());
		System.out.println("\n" + report);
	}

	private long seedTeam() {
		jdbc.sql("insert into team (slug, name, created_at) values ('bench', 'Benchmark', now())").update();
		jdbc.sql("insert into person (username, display_name, role, created_at) values ('bench-owner', 'Owner', 'EDITOR', now())")
			.update();
		return jdbc.sql("select id from team where slug = 'bench'").query(Long.class).single();
	}

	/** KPI definitions in bulk SQL: creating them is not what is measured. */
	private List<String> seedKpis(String prefix, int count, long teamId) {
		long owner = jdbc.sql("select id from person where username = 'bench-owner'").query(Long.class).single();
		var keys = new ArrayList<String>();
		for (int i = 0; i < count; i++) {
			var key = prefix + "-" + i;
			keys.add(key);
			jdbc.sql("""
					insert into kpi (slug, name, team_id, owner_id, unit, source, frequency, aggregation, indicator, shape,
					  direction, target, warning, created_at, updated_at)
					values (?, ?, ?, ?, 'COUNT', 'API', 'DAILY', 'AVERAGE', 'LAGGING', 'THRESHOLD', 'HIGHER_IS_BETTER', 90, 80, now(), now())""")
				.params(key, "Benchmark " + key, teamId, owner)
				.update();
		}
		jdbc.sql("insert into kpi_state (kpi_id, status, updated_at) select id, 'NO_DATA', now() from kpi where slug like ? and id not in (select kpi_id from kpi_state)")
			.param(prefix + "-%")
			.update();
		return keys;
	}

	private static byte[] ndjson(List<String> kpis, Instant start, int points) {
		var out = new ByteArrayOutputStream(kpis.size() * points * 70);
		var line = new StringBuilder();
		for (int p = 0; p < points; p++) {
			var at = start.plusSeconds(p * STEP_SECONDS).toString();
			for (int k = 0; k < kpis.size(); k++) {
				line.setLength(0);
				line.append("{\"kpi\":\"").append(kpis.get(k)).append("\",\"at\":\"").append(at).append("\",\"value\":")
					.append(value(k, p)).append("}\n");
				out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toByteArray();
	}

	/** The same rows in COPY's text format, with the KPIs' ids resolved. */
	private List<String> ndjsonRows(List<String> kpis, Instant start, int points) {
		var ids = new long[kpis.size()];
		for (int k = 0; k < kpis.size(); k++) {
			ids[k] = jdbc.sql("select id from kpi where slug = ?").param(kpis.get(k)).query(Long.class).single();
		}
		var rows = new ArrayList<String>(kpis.size() * points);
		var recordedAt = Instant.now().toString();
		for (int p = 0; p < points; p++) {
			var at = start.plusSeconds(p * STEP_SECONDS).toString();
			for (int k = 0; k < kpis.size(); k++) {
				rows.add(ids[k] + "\t" + at + "\t" + value(k, p) + "\t\\N\tAPI\tadmin\t" + recordedAt + "\n");
			}
		}
		return rows;
	}

	private static double value(int kpi, int point) {
		return 80 + (kpi * 7 + point * 13) % 200 / 10.0;
	}

	private long copy(List<String> rows) throws Exception {
		try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("create table if not exists copy_target (like measurement including all)");
			statement.execute("truncate copy_target");
			var bytes = new ByteArrayOutputStream();
			for (var row : rows) {
				bytes.writeBytes(row.getBytes(StandardCharsets.UTF_8));
			}
			var data = bytes.toByteArray();
			long t0 = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
					copy copy_target (kpi_id, measured_at, num_value, note, source, recorded_by, recorded_at)
					from stdin (format text)""", new java.io.ByteArrayInputStream(data));
			return System.nanoTime() - t0;
		}
	}

	private long post(byte[] body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/measurements"))
			.header("Content-Type", "application/x-ndjson")
			.header("Authorization", BenchmarkCredentials.basic())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long t0 = System.nanoTime();
		var response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long elapsed = System.nanoTime() - t0;
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return elapsed;
	}

	record Timings(long median, long best, long worst, int bytes) {
	}

	/** Twelve reads of the dashboard; the last ten count. */
	private Timings dashboard(String authorization) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health"))
			.header("Authorization", authorization)
			.build();
		var millis = new ArrayList<Long>();
		int size = 0;
		for (int run = 0; run < 12; run++) {
			long t0 = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			millis.add((System.nanoTime() - t0) / 1_000_000);
			assertThat(response.statusCode()).isEqualTo(200);
			size = response.body().length();
		}
		var sorted = millis.subList(2, millis.size()).stream().sorted().toList();
		return new Timings(sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), size);
	}

	private void line(String format, Object... args) {
		report.append(String.format(format, args)).append('\n');
	}

}
