package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestDatabase;

@TandemTest
class PullRunTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSqlPullStoresItsRowsAsPulledByTheConnection() {
		var fixtures = new PullFixtures(mvc);
		var db = PullFixtures.customerDatabase();
		var day = Instant.now().truncatedTo(ChronoUnit.DAYS);
		PullFixtures.execute(db, "create table uptime (at timestamp with time zone, v double precision)",
				"insert into uptime values ('" + OffsetDateTime.ofInstant(day.minus(2, ChronoUnit.DAYS), java.time.ZoneOffset.UTC)
						+ "', 99.1), ('" + OffsetDateTime.ofInstant(day.minus(1, ChronoUnit.DAYS), java.time.ZoneOffset.UTC)
						+ "', 98.2)");
		var connection = fixtures.sqlConnection(db);
		var key = fixtures.pullKpi("""
				{"connection":"%s","query":"select at, v as value from uptime order by at"}""".formatted(connection[1]));

		var run = pull(key);
		assertThat(ApiFixtures.body(run)).contains("\"status\":\"OK\"").contains("\"points\":2");
		var measurements = ApiFixtures.body(fixtures.api().get("/api/kpis/" + key + "/measurements").exchange());
		assertThat(JsonPath.<java.util.List<String>>read(measurements, "$[*].source")).containsOnly("PULL").hasSize(2);
		assertThat(JsonPath.<java.util.List<String>>read(measurements, "$[*].recordedBy"))
			.containsOnly("pull:" + connection[1]);
		var kpi = ApiFixtures.body(fixtures.api().get("/api/kpis/" + key).exchange());
		assertThat(JsonPath.<String>read(kpi, "$.pull.connection")).isEqualTo(connection[1]);
		assertThat(JsonPath.<Double>read(kpi, "$.health.value")).isEqualTo(98.2);
		var runs = ApiFixtures.body(fixtures.api().get("/api/kpis/" + key + "/pulls").exchange());
		assertThat(JsonPath.<java.util.List<String>>read(runs, "$[*].status")).containsExactly("OK");
	}

	@Test
	void aSqlPullCannotWrite() {
		var fixtures = new PullFixtures(mvc);
		var db = PullFixtures.customerDatabase();
		PullFixtures.execute(db, "create table uptime (v double precision)", "insert into uptime values (99.5)");
		var connection = fixtures.sqlConnection(db);
		var key = fixtures.pullKpi("""
				{"connection":"%s","query":"select v as value from uptime"}""".formatted(connection[1]));
		var team = JsonPath.<String>read(ApiFixtures.body(fixtures.api().get("/api/kpis/" + key).exchange()), "$.team");
		var owner = JsonPath.<String>read(ApiFixtures.body(fixtures.api().get("/api/kpis/" + key).exchange()), "$.owner");
		var writes = new java.util.ArrayList<>(java.util.List.of("delete from uptime", "update uptime set v = 0",
				"create table written (id int)", "select v as value from uptime; delete from uptime",
				"with gone as (delete from uptime returning v) select count(*) as value from gone"));
		if (TestDatabase.isPostgres()) {
			PullFixtures.execute(db, "create function wipe() returns int language sql as 'delete from uptime; select 1'");
			writes.add("select wipe() as value");
		}
		for (var write : writes) {
			// refused when saved when it plainly writes
			var saved = fixtures.api().put("/api/kpis/" + key, PullFixtures.kpiJson(key, team, owner,
					"{\"connection\":\"%s\",\"query\":\"%s\"}".formatted(connection[1], write))).exchange();
			var refusedOnSave = saved.getResponse().getStatus() == 400;
			// and refused or rolled back when it runs all the same
			jdbc.sql("update kpi_pull set query = ? where kpi_id = (select id from kpi where slug = ?)")
				.params(write, key).update();
			var run = ApiFixtures.body(pull(key));
			assertThat(run).as(write).contains("\"status\":\"FAILED\"");
			assertThat(PullFixtures.count(db, "select count(*) from uptime")).as(write).isEqualTo(1);
			assertThat(PullFixtures.count(db, "select count(*) from uptime where v = 99.5")).as(write).isEqualTo(1);
			if (!write.startsWith("with") && !write.contains("wipe")) {
				assertThat(refusedOnSave).as(write + ": " + ApiFixtures.body(saved)).isTrue();
			}
		}
		assertThat(PullFixtures.count(db, "select count(*) from information_schema.tables where lower(table_name) = 'written'"))
			.isZero();
	}

	@Test
	void aFailingFeedMakesTheKpiStaleWithTheReasonUntilARunSucceeds() {
		var fixtures = new PullFixtures(mvc);
		var db = PullFixtures.customerDatabase();
		var connection = fixtures.sqlConnection(db);
		var key = fixtures.pullKpi("""
				{"connection":"%s","query":"select v as value from uptime"}""".formatted(connection[1]));
		double failuresBefore = failures("sql");

		var failed = ApiFixtures.body(pull(key));
		assertThat(failed).contains("\"status\":\"FAILED\"").contains("the query failed");
		var health = ApiFixtures.body(fixtures.api().get("/api/kpis/" + key + "/health").exchange());
		assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("STALE");
		assertThat(JsonPath.<String>read(health, "$.staleReason")).contains("scheduled pull has been failing")
			.contains(connection[1]);
		pull(key);
		assertThat(state(key, "failures")).isEqualTo(2);
		var retryAt = jdbc.sql("select next_run_at from kpi_pull where kpi_id = (select id from kpi where slug = ?)")
			.param(key).query(OffsetDateTime.class).single().toInstant();
		assertThat(retryAt).isAfter(Instant.now().plus(Duration.ofMinutes(9)));
		assertThat(failures("sql") - failuresBefore).isEqualTo(2);

		PullFixtures.execute(db, "create table uptime (v double precision)", "insert into uptime values (99.5)");
		assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"OK\"");
		health = ApiFixtures.body(fixtures.api().get("/api/kpis/" + key + "/health").exchange());
		assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("GREEN");
		assertThat(state(key, "failures")).isZero();
		var runs = ApiFixtures.body(fixtures.api().get("/api/kpis/" + key + "/pulls?limit=2").exchange());
		assertThat(JsonPath.<java.util.List<String>>read(runs, "$[*].status")).containsExactly("OK", "FAILED");
	}

	@Test
	void anHttpJsonPullReadsThroughPointersWithTheSecretHeader() throws Exception {
		try (var source = new TestSource()) {
			source.answer("/metrics/uptime", 200, """
					{"data":{"value":"99.7","at":"%s","label":"high"}}""".formatted(Instant.now().minusSeconds(60)));
			var fixtures = new PullFixtures(mvc);
			var connection = fixtures.connection("""
					"kind":"HTTP_JSON","url":"%s","headers":{"X-Team":"ops"},"secretHeader":"X-Api-Key","secret":"k3y-abc"
					""".formatted(source.url()));
			var key = fixtures.pullKpi("""
					{"connection":"%s","query":"/metrics/uptime?window=1d","valuePath":"/data/value","timePath":"/data/at"}"""
				.formatted(connection[0]));

			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"OK\"").contains("\"points\":1");
			var seen = source.seen("/metrics/uptime").get(0);
			assertThat(seen.headers().getFirst("X-Api-Key")).isEqualTo("k3y-abc");
			assertThat(seen.headers().getFirst("X-Team")).isEqualTo("ops");
			assertThat(seen.query()).isEqualTo("window=1d");

			setPull(key, "/data/missing");
			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"FAILED\"").contains("does not point at anything");
			setPull(key, "/data/label");
			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"FAILED\"").contains("not a number");
			source.answer("/metrics/uptime", 200, "<html>oops</html>");
			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"FAILED\"").contains("not JSON");
			source.answer("/metrics/uptime", 401, "{\"error\":\"bad key k3y-abc\"}");
			var unauthorised = ApiFixtures.body(pull(key));
			assertThat(unauthorised).contains("401").contains("check the credentials").doesNotContain("k3y-abc");
		}
	}

	@Test
	void aPrometheusPullBackfillsAtTheKpisStepOnItsFirstRunThenAsksForNow() throws Exception {
		try (var source = new TestSource()) {
			long today = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();
			source.answer("/api/v1/query_range", 200, """
					{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":
					[[%d,"99.1"],[%d,"99.2"],[%d,"NaN"],[%d,"99.4"]]}]}}"""
				.formatted(today - 3 * 86400, today - 2 * 86400, today - 86400, today));
			source.answer("/api/v1/query", 200, """
					{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[%d,"99.9"]}]}}"""
				.formatted(Instant.now().getEpochSecond() - 5));
			var fixtures = new PullFixtures(mvc);
			var connection = fixtures.connection("""
					"kind":"PROMETHEUS","url":"%s","username":"tandem","secret":"pr0m-pass"
					""".formatted(source.url()));
			var key = fixtures.pullKpi("""
					{"connection":"%s","query":"avg_over_time(probe_success[1d]) * 100"}""".formatted(connection[1]));

			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"OK\"").contains("\"points\":3");
			var range = source.seen("/api/v1/query_range").get(0);
			assertThat(range.query()).contains("step=86400s").contains("query=avg_over_time");
			assertThat(range.headers().getFirst("Authorization")).isEqualTo("Basic "
					+ Base64.getEncoder().encodeToString("tandem:pr0m-pass".getBytes(StandardCharsets.UTF_8)));
			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"OK\"").contains("\"points\":1");
			assertThat(source.seen("/api/v1/query")).hasSize(1);
			assertThat(source.seen("/api/v1/query_range")).hasSize(1);

			source.answer("/api/v1/query", 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");
			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"FAILED\"").contains("400");
			source.answer("/api/v1/query", 200, """
					{"status":"success","data":{"resultType":"vector","result":[]}}""");
			assertThat(ApiFixtures.body(pull(key))).contains("\"status\":\"FAILED\"").contains("no series");
		}
	}

	@Test
	void pullSettingsThatCouldNotRunAreRefusedAndNothingIsSaved() {
		var fixtures = new PullFixtures(mvc);
		var connection = fixtures.sqlConnection(new String[] { PullFixtures.sourceDatabase(), "sa", "" });
		var team = fixtures.api().teamWithOwner();
		refused(team, "{\"connection\":\"no-such-connection\",\"query\":\"select 1 as value\"}", "no connection");
		refused(team, "{\"connection\":\"%s\",\"query\":\"select 1 as value\",\"schedule\":\"every day\"}"
			.formatted(connection[1]), "not a cron expression");
		refused(team, "{\"connection\":\"%s\",\"query\":\"select 1 as value; drop table kpi\"}".formatted(connection[1]),
				"one statement only");
		refused(team, "{\"connection\":\"%s\",\"query\":\"\"}".formatted(connection[1]), "pull.query");
		var http = fixtures.connection("\"kind\":\"HTTP_JSON\",\"url\":\"http://127.0.0.1:1\"");
		refused(team, "{\"connection\":\"%s\",\"query\":\"/x\",\"valuePath\":\"data/value\"}".formatted(http[1]),
				"not a JSON Pointer");
		refused(team, "null", "needs its pull settings");
		var key = dev.tandem.TestUsers.unique("kpi");
		var notPull = fixtures.api().post("/api/kpis", PullFixtures.kpiJson(key, team[0], team[1],
				"{\"connection\":\"%s\",\"query\":\"select 1 as value\"}".formatted(connection[1]))
			.replace("\"source\":\"PULL\"", "\"source\":\"API\"")).exchange();
		assertThat(notPull).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(ApiFixtures.body(notPull)).contains("only a KPI with source PULL");
	}

	private void refused(String[] team, String pull, String message) {
		var key = dev.tandem.TestUsers.unique("kpi");
		var result = new ApiFixtures(mvc).post("/api/kpis", PullFixtures.kpiJson(key, team[0], team[1], pull)).exchange();
		assertThat(result.getResponse().getStatus()).as(ApiFixtures.body(result)).isBetween(400, 422);
		assertThat(ApiFixtures.body(result)).contains(message);
		assertThat(new ApiFixtures(mvc).get("/api/kpis/" + key)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select count(*) from kpi_pull p join kpi k on k.id = p.kpi_id where k.slug = ?").param(key)
			.query(Long.class).single()).isZero();
	}

	private void setPull(String key, String valuePath) {
		jdbc.sql("update kpi_pull set value_path = ? where kpi_id = (select id from kpi where slug = ?)")
			.params(valuePath, key).update();
	}

	private MvcTestResult pull(String key) {
		var result = new ApiFixtures(mvc).post("/api/kpis/" + key + "/pull", "").exchange();
		assertThat(result).as(ApiFixtures.body(result)).hasStatus(HttpStatus.OK);
		return result;
	}

	private int state(String key, String column) {
		return jdbc.sql("select " + column + " from kpi_pull where kpi_id = (select id from kpi where slug = ?)")
			.param(key).query(Integer.class).single();
	}

	private double failures(String kind) {
		var counter = meters.find("tandem.pull.failures").tag("kind", kind).counter();
		return counter == null ? 0 : counter.count();
	}
}
