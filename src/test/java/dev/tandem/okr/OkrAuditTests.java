package dev.tandem.okr;

import static dev.tandem.TestUsers.admin;
import static dev.tandem.okr.OkrFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.org.AuditableChange;

/** Every OKR write leaves one entry in the audit trail, in its own transaction; a refused one leaves none. */
@TandemTest
@RecordApplicationEvents
class OkrAuditTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Cycles cycles;

	OkrFixtures okr;

	ApiFixtures api;

	@BeforeEach
	void setUp() {
		okr = new OkrFixtures(mvc);
		api = okr.api;
	}

	@Test
	void everyWriteIsAudited() {
		var team = api.teamWithOwner();
		long cycle = okr.runningCycle();
		long next = okr.cycle(today().plusDays(46), today().plusDays(136));
		var name = dev.tandem.TestUsers.unique("audited");
		assertThat(api.put("/api/cycles/" + cycle, "{\"name\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}"
			.formatted(name, today().minusDays(45), today().plusDays(45)))).hasStatusOk();
		long objective = okr.objective(cycle, team[0], team[1], ",\"state\":\"DRAFT\"");
		assertThat(api.put("/api/objectives/" + objective, OkrFixtures.objectiveJson(cycle, team[0], team[1], "")
			.replace("Customers love us", "Customers adore us"))).hasStatusOk();
		assertThat(api.post("/api/objectives/" + objective + "/activate", "")).hasStatusOk();
		long kr = okr.metric(objective, team[1], 0, 10);
		assertThat(api.put("/api/key-results/" + kr, """
				{"title":"Move it","type":"METRIC","owner":"%s","baseline":0,"target":12}""".formatted(team[1]))).hasStatusOk();
		okr.checkIn(kr, "\"value\":4,\"confidence\":6");
		long spare = okr.metric(objective, team[1], 0, 1);
		assertThat(mvc.delete().uri("/api/key-results/" + spare).with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(api.put("/api/objectives/" + objective + "/guardrails", "[]")).hasStatusOk();
		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		assertThat(api.put("/api/objectives/" + objective + "/retrospective", "{\"note\":\"Too late.\"}")).hasStatusOk();
		long carried = OkrFixtures.id(api.post("/api/objectives/" + objective + "/carry-over", "{\"cycle\":" + next + "}")
			.exchange());
		long draft = okr.objective(next, team[0], team[1], "");
		assertThat(mvc.delete().uri("/api/objectives/" + draft).with(admin())).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(audited("cycle", cycle)).containsExactly("cycle.created", "cycle.updated", "cycle.closed");
		assertThat(audited("objective", objective)).containsExactly("objective.created", "objective.updated",
				"objective.activated", "objective.guardrails-changed", "objective.retrospective-written");
		assertThat(audited("key-result|check-in", kr)).containsExactly("key-result.created", "key-result.updated",
				"check-in.recorded");
		assertThat(audited("key-result|check-in", spare)).containsExactly("key-result.created", "key-result.deleted");
		assertThat(audited("objective", carried)).containsExactly("objective.carried-over");
		assertThat(audited("objective", draft)).containsExactly("objective.created", "objective.deleted");
		assertThat(events.stream(AuditableChange.class)).allMatch(change -> change.actor().equals("admin"));
		// summaries name objectives by title, not by id
		assertThat(summary("key-result.deleted", spare)).isEqualTo("Deleted key result 'Move it' of objective 'Customers adore us'");
		assertThat(summary("objective.carried-over", carried))
			.isEqualTo("Carried objective 'Customers adore us' over from " + name + " into " + cycles.get(next).name());

		// and they reach the trail itself, with the state before and after
		assertThat(api.get("/api/audit?type=cycle.updated&limit=1000")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$[?(@.subject=='" + cycle + "')].after.name").asArray().containsExactly(name);
			assertThat(json).extractingPath("$[?(@.subject=='" + cycle + "')].before.name").asArray().hasSize(1);
		});
		assertThat(api.get("/api/audit?type=check-in&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + kr + "')].summary").asArray().singleElement().asString()
			.contains("confidence 6");
	}

	@Test
	void aRefusedWriteLeavesNoTrace() {
		var team = api.teamWithOwner();
		long cycle = okr.runningCycle();
		long objective = okr.objective(cycle, team[0], team[1], "");
		long kr = okr.metric(objective, team[1], 0, 10);
		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		assertThat(api.post("/api/key-results/" + kr + "/check-ins", "{\"value\":5,\"confidence\":5}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.put("/api/key-results/" + kr, """
				{"title":"Move it","type":"METRIC","owner":"%s","baseline":0,"target":12}""".formatted(team[1])))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(audited("key-result|check-in", kr)).containsExactly("key-result.created");
		assertThat(api.get("/api/audit?type=check-in&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + kr + "')]").asArray().isEmpty();
	}

	private String summary(String type, long subject) {
		return events.stream(AuditableChange.class)
			.filter(change -> change.type().equals(type) && change.subject().equals(String.valueOf(subject)))
			.map(AuditableChange::summary)
			.findFirst().orElseThrow();
	}

	/** The types of the changes audited for this subject, among those of the kinds given ("cycle|objective"). */
	private List<String> audited(String kinds, long subject) {
		return events.stream(AuditableChange.class)
			.filter(change -> change.subject().equals(String.valueOf(subject))
					&& change.type().matches("(" + kinds + ")\\..*"))
			.map(AuditableChange::type)
			.toList();
	}
}
