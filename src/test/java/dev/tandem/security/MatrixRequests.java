package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.TestUsers;
import dev.tandem.security.AuthorizationMatrixTests.Caller;
import dev.tandem.security.AuthorizationMatrixTests.Fixture;

/**
 * The KPIs and OKRs that the matrix's requests refer to, created once per fixture through the
 * API as the administrator, all in the fixture's team and owned by {@link Caller#OWNER_MEMBER};
 * and fresh ones for requests that use a thing up (a delete, a close).
 */
final class MatrixRequests {

	private static final Map<Fixture, MatrixRequests> BY_FIXTURE = new HashMap<>();

	private final Fixture f;
	private final Map<String, Object> made = new HashMap<>();

	private MatrixRequests(Fixture f) {
		this.f = f;
	}

	static synchronized MatrixRequests of(Fixture f) {
		return BY_FIXTURE.computeIfAbsent(f, MatrixRequests::new);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	String owner() {
		return f.username(Caller.OWNER_MEMBER);
	}

	/** A KPI of the fixture's team, owned by the owner. */
	synchronized String kpi() {
		return once("kpi", this::newKpi);
	}

	String newKpi() {
		var key = TestUsers.unique("matrix-kpi");
		post("/api/kpis", kpiJson(key));
		return key;
	}

	String kpiJson(String key) {
		return """
				{"key":"%s","name":"Matrix uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":95}""".formatted(key, f.team, owner());
	}

	/** A running cycle: started a month ago, ending in two. */
	synchronized long cycle() {
		return once("cycle", () -> newCycle(today().minusDays(30), today().plusDays(60)));
	}

	String cycleName() {
		cycle();
		return (String) made.get("cycle-name-" + cycle());
	}

	/** The cycle after {@link #cycle()}, for carry-over. */
	synchronized long nextCycle() {
		return once("next", () -> newCycle(today().plusDays(61), today().plusDays(150)));
	}

	long newRunningCycle() {
		return newCycle(today().minusDays(10), today().plusDays(10));
	}

	private long newCycle(LocalDate start, LocalDate end) {
		var name = TestUsers.unique("matrix-cycle");
		long id = post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(name, start, end));
		made.put("cycle-name-" + id, name);
		return id;
	}

	synchronized long objective() {
		return once("objective", this::newObjective);
	}

	long newObjective() {
		return post("/api/objectives", objectiveJson());
	}

	String objectiveJson() {
		return """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Matrix objective","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle(), f.team, owner());
	}

	synchronized long keyResult() {
		return once("key-result", this::newKeyResult);
	}

	long newKeyResult() {
		return post("/api/objectives/" + objective() + "/key-results", keyResultJson());
	}

	String keyResultJson() {
		return """
				{"title":"Matrix key result","type":"METRIC","owner":"%s","baseline":0,"target":100}""".formatted(owner());
	}

	/** Made on first use; not with computeIfAbsent, since making one thing may make another first. */
	@SuppressWarnings("unchecked")
	private <T> T once(String name, java.util.function.Supplier<T> make) {
		var existing = made.get(name);
		if (existing == null) {
			existing = make.get();
			made.put(name, existing);
		}
		return (T) existing;
	}

	/** POSTs as the administrator, expecting 201; returns the new thing's id (0 for a KPI). */
	private long post(String uri, String json) {
		var result = f.mvc.post().uri(uri).with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON).content(json)
			.exchange();
		assertThat(result).hasStatus(201);
		var body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		Object id = JsonPath.read(body, "$.id");
		return ((Number) id).longValue();
	}
}
