package dev.tandem.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.TestDatabase;
import dev.tandem.TestUsers;
import dev.tandem.okr.Cycles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OKR benchmark of issue #3, on PostgreSQL, reported not asserted: GET
 * /api/cycles/{id}/overview for a cycle of 1,000 teams × 5 objectives × 4 key results with 12
 * check-ins each (plus a company team whose 5 objectives the others align to, guardrails and
 * KPI-linked key results), timed over real HTTP on loopback after warm-ups, and the number of
 * SQL statements one request executes — the same for 10 teams as for 1,000, or it would be N+1.
 * Run with: ./mvnw -B -Pbenchmark test -Dtest=CycleOverviewBenchmark
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(StatementCounter.class)
@TestPropertySource(properties = { "tandem.demo=false", "tandem.admin.user=" + TestUsers.ADMIN,
		"tandem.admin.password=" + TestUsers.ADMIN_PASSWORD, "logging.level.root=warn", "spring.main.banner-mode=off",
		"spring.datasource.hikari.maximum-pool-size=4" })
class CycleOverviewBenchmark {

	static final int TEAMS = 1_000;

	static final int OBJECTIVES = 5;

	static final int KEY_RESULTS = 4;

	static final int CHECK_INS = 12;

	static final int KPIS = 100;

	static final int RUNS = 10;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Cycles cycles;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	final StringBuilder report = new StringBuilder();

	@Test
	void cycleOverview() throws Exception {
		assertThat(TestDatabase.isPostgres()).as("benchmarks run on PostgreSQL (-Pbenchmark)").isTrue();
		var token = BenchmarkCredentials.bearer(http, port);
		long owner = seedOwnerAndKpis();
		long small = seedCycle("small", 10, owner);
		long seedStart = System.nanoTime();
		long large = seedCycle("large", TEAMS, owner);
		long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

		var smallRun = measure(small, token, 3);
		var largeRun = measure(large, token, RUNS);
		line("GET /api/cycles/{id}/overview on PostgreSQL, %,d teams x %d objectives x %d key results x %d check-ins",
				TEAMS, OBJECTIVES, KEY_RESULTS, CHECK_INS);
		line("  seeded %,d objectives, %,d key results, %,d check-ins in %,d ms (bulk SQL)",
				count("objective o join okr_cycle c on c.id = o.cycle_id where c.name = 'bench-large'"),
				count("key_result k join objective o on o.id = k.objective_id join okr_cycle c on c.id = o.cycle_id"
						+ " where c.name = 'bench-large'"),
				count("check_in ci join key_result k on k.id = ci.key_result_id join objective o on o.id = k.objective_id"
						+ " join okr_cycle c on c.id = o.cycle_id where c.name = 'bench-large'"),
				seedMillis);
		line("  response %,d KB; %d runs after 2 warm-ups: median %,d ms, p95 %,d ms, best %,d ms (aim < 200 ms)",
				largeRun.bytes / 1000, RUNS, largeRun.median(), largeRun.p95(), largeRun.best());
		var parts = parts(large);
		line("  of which, in-process (median of %d): reading and scoring %,d ms, writing the JSON %,d ms", RUNS, parts[0],
				parts[1]);
		line("  SQL statements per request: %d for %,d teams, %d for 10 teams (no N+1: the same)", largeRun.statements,
				TEAMS, smallRun.statements);
		var out = Path.of("target", "benchmarks", "okr.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report.toString());
		System.out.println("\n" + report);
		assertThat(largeRun.statements).isEqualTo(smallRun.statements);
	}

	record Run(ArrayList<Long> millis, long statements, int bytes) {

		long median() {
			return millis.get(millis.size() / 2);
		}

		long p95() {
			return millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
		}

		long best() {
			return millis.get(0);
		}
	}

	/** Two warm-ups, then timed runs; the statements of the last run. */
	private Run measure(long cycle, String token, int runs) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cycles/" + cycle + "/overview"))
			.header("Authorization", token)
			.build();
		for (int i = 0; i < 2; i++) {
			assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		var millis = new ArrayList<Long>();
		long statements = 0;
		int bytes = 0;
		for (int run = 0; run < runs; run++) {
			StatementCounter.EXECUTED.set(0);
			long t0 = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			millis.add((System.nanoTime() - t0) / 1_000_000);
			statements = StatementCounter.EXECUTED.get();
			assertThat(response.statusCode()).isEqualTo(200);
			bytes = response.body().length;
		}
		millis.sort(null);
		return new Run(millis, statements, bytes);
	}

	/** The median time of the facade call (statements, views, scores) and of serialising its result, without HTTP. */
	private long[] parts(long cycle) throws Exception {
		var reading = new ArrayList<Long>();
		var writing = new ArrayList<Long>();
		for (int run = 0; run < RUNS; run++) {
			long t0 = System.nanoTime();
			var overview = cycles.overview(cycle);
			long t1 = System.nanoTime();
			json.writeValueAsBytes(overview);
			long t2 = System.nanoTime();
			reading.add((t1 - t0) / 1_000_000);
			writing.add((t2 - t1) / 1_000_000);
		}
		reading.sort(null);
		writing.sort(null);
		return new long[] { reading.get(RUNS / 2), writing.get(RUNS / 2) };
	}

	/** The owner of everything, and KPIs (with a health state) for key results and guardrails to follow. */
	private long seedOwnerAndKpis() {
		jdbc.sql("insert into person (username, display_name, role, created_at) values ('bench-owner', 'Owner', 'EDITOR', now())")
			.update();
		long owner = jdbc.sql("select id from person where username = 'bench-owner'").query(Long.class).single();
		jdbc.sql("insert into team (slug, name, created_at) values ('bench-kpis', 'Benchmark KPIs', now())").update();
		jdbc.sql("""
				insert into kpi (slug, name, team_id, owner_id, unit, source, frequency, aggregation, indicator, shape,
				  direction, target, warning, created_at, updated_at)
				select 'bench-kpi-' || g, 'Benchmark KPI ' || g, t.id, ?, 'PERCENT', 'API', 'WEEKLY', 'LAST', 'LAGGING',
				  'THRESHOLD', 'HIGHER_IS_BETTER', 90, 80, now(), now()
				from team t cross join generate_series(0, ?) g where t.slug = 'bench-kpis'""")
			.params(owner, KPIS - 1)
			.update();
		jdbc.sql("""
				insert into kpi_state (kpi_id, last_at, last_value, point_count, status, updated_at)
				select id, now(), 70 + id % 30, 1, case when id % 30 < 10 then 'RED' else 'GREEN' end, now()
				from kpi where slug like 'bench-kpi-%'""")
			.update();
		return owner;
	}

	/**
	 * A running quarter with a company team and {@code teams} teams: 5 company objectives, and
	 * per team 5 objectives aligned to them, each with 4 key results (one in ten following a
	 * KPI), one objective in five with a guardrail, and 12 weekly check-ins per key result.
	 */
	private long seedCycle(String name, int teams, long owner) {
		var start = LocalDate.now().minusDays(45);
		jdbc.sql("insert into okr_cycle (name, start_date, end_date, created_at) values (?, ?, ?, now())")
			.params("bench-" + name, start, start.plusDays(90))
			.update();
		long cycle = jdbc.sql("select id from okr_cycle where name = ?").param("bench-" + name).query(Long.class).single();
		jdbc.sql("insert into team (slug, name, created_at) select ? || '-' || g, 'Team ' || g, now() from generate_series(0, ?) g")
			.params(name, teams)
			.update();
		jdbc.sql("""
				insert into objective (cycle_id, team_id, owner_id, owner_name, title, description, objective_level,
				  commitment, state, created_at, updated_at)
				select ?, t.id, ?, 'bench-owner', 'Objective ' || g || ' of ' || t.name, 'Why it matters',
				  case when t.slug = ? then 'COMPANY' else 'TEAM' end,
				  case when g % 2 = 0 then 'COMMITTED' else 'ASPIRATIONAL' end, 'ACTIVE', now(), now()
				from team t cross join generate_series(1, ?) g where t.slug like ? || '-%'""")
			.params(cycle, owner, name + "-0", OBJECTIVES, name)
			.update();
		jdbc.sql("""
				update objective o set parent_id = (select c.id from objective c join team ct on ct.id = c.team_id
				  where ct.slug = ? and c.cycle_id = o.cycle_id and split_part(c.title, ' ', 2) = split_part(o.title, ' ', 2))
				where o.cycle_id = ? and o.objective_level = 'TEAM'""")
			.params(name + "-0", cycle)
			.update();
		jdbc.sql("""
				insert into objective_guardrail (objective_id, kpi_key)
				select id, 'bench-kpi-' || (id % ?) from objective where cycle_id = ? and id % 5 = 0""")
			.params(KPIS, cycle)
			.update();
		jdbc.sql("""
				insert into key_result (objective_id, title, kr_type, owner_id, owner_name, weight, baseline, target, unit,
				  kpi_key, sort_order, last_value, last_confidence, last_check_in_at, check_in_count, created_at, updated_at)
				select o.id, 'Key result ' || k, 'METRIC', ?, 'bench-owner', k, 10 * k, 100 + k, '%',
				  case when (o.id + k) % 10 = 0 then 'bench-kpi-' || ((o.id + k) % ?) end, k,
				  10 * k + (o.id % 50), 5 + (o.id + k) % 5, now() - interval '1 day', ?, now(), now()
				from objective o cross join generate_series(1, ?) k where o.cycle_id = ?""")
			.params(owner, KPIS, CHECK_INS, KEY_RESULTS, cycle)
			.update();
		jdbc.sql("""
				insert into check_in (key_result_id, checked_at, num_value, value_source, confidence, what_changed,
				  baseline_then, target_then, recorded_by, recorded_at)
				select k.id, ?::date + w * 3, k.baseline + w * 3, 'CHECK_IN', 5 + w % 5, 'week ' || w, k.baseline, k.target,
				  'bench-owner', now()
				from key_result k join objective o on o.id = k.objective_id cross join generate_series(1, ?) w
				where o.cycle_id = ?""")
			.params(start, CHECK_INS, cycle)
			.update();
		jdbc.sql("analyze").update();
		return cycle;
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

	private void line(String format, Object... args) {
		report.append(String.format(format, args)).append('\n');
	}
}
