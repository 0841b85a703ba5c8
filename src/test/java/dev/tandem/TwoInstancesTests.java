package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of Tandem on one PostgreSQL, started at the same moment on an empty database
 * with the demo on and a first administrator to create — both racing for the same start-up
 * work — then used as a load balancer would use them. Runs in the H2 pass only: it brings its
 * own PostgreSQL database either way.
 */
class TwoInstancesTests {

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	static JdbcClient database;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startBothAtOnce() throws Exception {
		var name = "two" + UUID.randomUUID().toString().replace("-", "");
		var postgres = TestDatabase.postgres();
		JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
		var arguments = new String[] { "--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", name),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--tandem.demo=true",
				"--tandem.admin.user=" + TestUsers.ADMIN, "--tandem.admin.password=" + TestUsers.ADMIN_PASSWORD,
				"--spring.main.banner-mode=off", "--logging.level.root=warn",
				// a job every second, so that "once per period" is seen over a few periods
				"--tandem.jobs.kpi-health-sweep.cron=* * * * * *", "--tandem.jobs.kpi-health-sweep.lock-at-least-for=800ms" };
		var together = new CyclicBarrier(2);
		var starters = Executors.newFixedThreadPool(2);
		try {
			List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				started.add(starters.submit(() -> {
					together.await();
					return new SpringApplicationBuilder(TandemApplication.class).run(arguments);
				}));
			}
			// both must start: a failure here is the check-then-insert race this test is for
			one = started.get(0).get();
			two = started.get(1).get();
		}
		finally {
			starters.shutdown();
		}
		database = JdbcClient.create(one.getBean(DataSource.class));
	}

	@AfterAll
	static void stopBoth() {
		for (var tandem : new ConfigurableApplicationContext[] { one, two }) {
			if (tandem != null) {
				tandem.close();
			}
		}
	}

	@Test
	void bothMigratedOnceAndCreatedTheStartUpDataOnce() {
		assertThat(database.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isEqualTo(database.sql("select count(distinct version) from flyway_schema_history where version is not null")
				.query(Long.class)
				.single());
		assertThat(database.sql("select count(*) from person where username = ?").param(TestUsers.ADMIN).query(Long.class).single())
			.isEqualTo(1);
		assertThat(database.sql("select count(*) from person where username = 'maria'").query(Long.class).single())
			.as("the demo loaded once").isEqualTo(1);
		assertThat(get(two, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aSignInOnOneIsASessionOnTheOther() throws Exception {
		var session = signIn(one, "maria", "tandem-demo");
		var home = get(two, "/", session);
		assertThat(home.statusCode()).as("signed in on the other instance, not sent to /login").isEqualTo(200);
		assertThat(home.body()).contains("maria");
		assertThat(get(two, "/", null).statusCode()).as("without the cookie").isEqualTo(302);
	}

	@Test
	void failedSignInsOnBothCountTowardsOneLock() {
		var username = "tandem-" + UUID.randomUUID().toString().substring(0, 8);
		var created = send(one, "POST", "/api/people", basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD), """
				{"username":"%s","displayName":"Locked Out","role":"MEMBER","password":"right-password-1"}""".formatted(username));
		assertThat(created.statusCode()).isEqualTo(201);
		for (int i = 0; i < 5; i++) {
			var instance = i % 2 == 0 ? one : two;
			assertThat(send(instance, "GET", "/api/me", basic(username, "wrong-" + i), null).statusCode()).isEqualTo(401);
		}
		assertThat(send(one, "GET", "/api/me", basic(username, "right-password-1"), null).statusCode())
			.as("five failures across both instances lock the username on each").isEqualTo(429);
		assertThat(send(two, "GET", "/api/me", basic(username, "right-password-1"), null).statusCode()).isEqualTo(429);
		assertThat(database.sql("select count(*) from audit_event where event_type = 'sign-in.locked' and subject = ?")
			.param(username)
			.query(Long.class)
			.single()).as("audited once, by the instance that locked it").isEqualTo(1);
	}

	@Test
	void aMeasurementThroughOneYieldsExactlyOneProposal() {
		var admin = basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
		var key = "uptime-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(send(one, "POST", "/api/kpis", admin, """
				{"key":"%s","name":"Two-instance uptime","team":"northwind","owner":"maria","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":95}""".formatted(key)).statusCode()).isEqualTo(201);
		assertThat(send(one, "POST", "/api/measurements", admin, """
				[{"kpi":"%s","at":"%s","value":40}]""".formatted(key, Instant.now().minus(1, ChronoUnit.MINUTES)))
			.statusCode()).isBetween(200, 201);

		await().atMost(Duration.ofSeconds(30)).until(() -> proposals(key) > 0
				&& database.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
		// the other instance's sweep re-judges the same red KPI every second meanwhile
		assertThat(proposals(key)).isEqualTo(1);
	}

	@Test
	void aPeriodicJobRunsOncePerPeriodAcrossBoth() {
		var from = Instant.now();
		long before = runs(one) + runs(two);
		await().atMost(Duration.ofSeconds(30)).until(() -> runs(one) + runs(two) >= before + 5);
		long ran = runs(one) + runs(two) - before;
		var periods = Duration.between(from, Instant.now()).toSeconds() + 1;
		// each instance fires it every second: twice per period would be about 2 × periods
		assertThat(ran).as("runs in %d one-second periods", periods).isLessThanOrEqualTo(periods + 1);
	}

	private long proposals(String kpi) {
		return database.sql("select count(*) from proposal p join kpi k on k.id = p.kpi_id where k.slug = ?")
			.param(kpi)
			.query(Long.class)
			.single();
	}

	private static long runs(ConfigurableApplicationContext tandem) {
		return tandem.getBean(MeterRegistry.class)
			.find("tandem.jobs.run")
			.tag("job", "kpi-health-sweep")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	/** Signs in through the form, as a browser does; returns the session cookie's header value. */
	private String signIn(ConfigurableApplicationContext tandem, String username, String password) throws Exception {
		var form = get(tandem, "/login", null);
		var cookie = sessionCookie(form);
		var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(form.body());
		assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
		var token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		var body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		var signedIn = http.send(HttpRequest.newBuilder(uri(tandem, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		return sessionCookie(signedIn);
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(set -> set.startsWith(SessionCookie.NAME + "="))
			.map(set -> set.substring(0, set.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext tandem, String path, String cookie) {
		var request = HttpRequest.newBuilder(uri(tandem, path)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(ConfigurableApplicationContext tandem, String method, String path, String authorization,
			String json) {
		var request = HttpRequest.newBuilder(uri(tandem, path))
			.header("Authorization", authorization)
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new AssertionError("could not reach " + request.uri(), e);
		}
	}

	private static URI uri(ConfigurableApplicationContext tandem, String path) {
		return URI.create("http://localhost:" + tandem.getEnvironment().getProperty("local.server.port") + path);
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}
