package dev.tandem.okr;

import static dev.tandem.ApiFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TestUsers;

/** Cycles, objectives and key results for API tests, made through the API, with names of their own. */
final class OkrFixtures {

	final ApiFixtures api;

	OkrFixtures(MockMvcTester mvc) {
		this.api = new ApiFixtures(mvc);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** A cycle from {@code start} to {@code end} (inclusive); returns its id. */
	long cycle(LocalDate start, LocalDate end) {
		var result = api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(TestUsers.unique("cycle"), start, end)).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return id(result);
	}

	/** A 91-day cycle that is half over today. */
	long runningCycle() {
		return cycle(today().minusDays(45), today().plusDays(45));
	}

	/** An objective; {@code extra} adds or overrides fields (",\"level\":\"COMPANY\""). */
	long objective(long cycle, String team, String owner, String extra) {
		var result = api.post("/api/objectives", objectiveJson(cycle, team, owner, extra)).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return id(result);
	}

	/** An objective with its own title, so that a message naming it can be told from one naming another. */
	long objective(long cycle, String team, String owner, String title, String extra) {
		var result = api.post("/api/objectives", objectiveJson(cycle, team, owner, title, extra)).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return id(result);
	}

	static String objectiveJson(long cycle, String team, String owner, String title, String extra) {
		return objectiveJson(cycle, team, owner, extra).replace("\"title\":\"Customers love us\"", "\"title\":\"" + title + "\"");
	}

	static String objectiveJson(long cycle, String team, String owner, String extra) {
		var json = """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Customers love us","commitment":"COMMITTED"%s}"""
			.formatted(cycle, team, owner, extra);
		return extra.contains("\"level\"") ? json : json.replace("\"commitment\"", "\"level\":\"TEAM\",\"commitment\"");
	}

	/** A key result from JSON fields (without braces); returns its id. */
	long keyResult(long objective, String fields) {
		var result = api.post("/api/objectives/" + objective + "/key-results", "{" + fields + "}").exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return id(result);
	}

	long metric(long objective, String owner, double baseline, double target) {
		return keyResult(objective, """
				"title":"Move it","type":"METRIC","owner":"%s","baseline":%s,"target":%s""".formatted(owner, baseline, target));
	}

	void checkIn(long keyResult, String fields) {
		assertThat(api.post("/api/key-results/" + keyResult + "/check-ins", "{" + fields + "}"))
			.hasStatus(HttpStatus.CREATED);
	}

	static long id(MvcTestResult result) {
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}
}
