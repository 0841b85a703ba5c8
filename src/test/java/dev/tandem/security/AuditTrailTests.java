package dev.tandem.security;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

@TandemTest
class AuditTrailTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeIsRecordedWithWhoWhenAndTheThingAfter() {
		var editorAdmin = TestUsers.person(organisation, Role.ADMIN);
		var key = TestUsers.unique("audited");
		assertThat(mvc.post().uri("/api/teams").with(TestUsers.as(editorAdmin)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"%s\",\"name\":\"Audited\"}".formatted(key))).hasStatus(HttpStatus.CREATED);

		var trail = mvc.get().uri("/api/audit?actor=" + editorAdmin).with(admin());
		assertThat(trail).hasStatusOk().bodyJson().extractingPath("$[0].type").isEqualTo("team.created");
		assertThat(trail).bodyJson().extractingPath("$[0].subject").isEqualTo(key);
		assertThat(trail).bodyJson().extractingPath("$[0].actor").isEqualTo(editorAdmin);
		assertThat(trail).bodyJson().extractingPath("$[0].at").isNotNull();
		assertThat(trail).bodyJson().extractingPath("$[0].after.name").isEqualTo("Audited");
		assertThat(trail).bodyJson().extractingPath("$[0].before").isNull();
	}

	@Test
	void kpiChangesAndMeasurementsAreRecordedWithBeforeAndAfter() {
		var admin = TestUsers.person(organisation, Role.ADMIN);
		var teamAndOwner = new dev.tandem.ApiFixtures(mvc).teamWithOwner();
		var key = TestUsers.unique("audited-kpi");
		var definition = """
				{"key":"%s","name":"Uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"API","frequency":"DAILY",
				 "aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD","direction":"HIGHER_IS_BETTER",
				 "target":TARGET,"warning":95}""".formatted(key, teamAndOwner[0], teamAndOwner[1]);
		assertThat(mvc.post().uri("/api/kpis").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content(definition.replace("TARGET", "99"))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.put().uri("/api/kpis/" + key).with(TestUsers.as(admin)).contentType(MediaType.APPLICATION_JSON)
			.content(definition.replace("TARGET", "98"))).hasStatusOk();
		assertThat(mvc.post().uri("/api/kpis/" + key + "/measurements").with(TestUsers.as(admin))
			.contentType(MediaType.APPLICATION_JSON).content("[{\"at\":\"2026-01-01T00:00:00Z\",\"value\":97},"
					+ "{\"at\":\"2026-01-02T00:00:00Z\",\"value\":98}]"))
			.hasStatus(HttpStatus.CREATED);

		var trail = mvc.get().uri("/api/audit?actor=" + admin).with(admin());
		assertThat(trail).bodyJson().extractingPath("$[*].type").asArray()
			.containsExactly("kpi.measurements-recorded", "kpi.updated");
		assertThat(trail).bodyJson().extractingPath("$[0].after.accepted").isEqualTo(2);
		assertThat(trail).bodyJson().extractingPath("$[1].before.target").isEqualTo(99.0);
		assertThat(trail).bodyJson().extractingPath("$[1].after.target").isEqualTo(98.0);
		assertThat(mvc.get().uri("/api/audit?type=kpi.created&limit=1000").with(admin())).bodyJson()
			.extractingPath("$[*].subject").asArray().contains(key);
	}

	@Test
	void theTrailIsFilteredAndPagedNewestFirst() {
		var actor = TestUsers.unique("auditor");
		for (int i = 0; i < 3; i++) {
			var subject = "thing-" + i;
			transactions.executeWithoutResult(status -> events
				.publishEvent(new AuditableChange("widget.changed", subject, "Changed " + subject, "old", "new", actor)));
		}
		transactions.executeWithoutResult(status -> events
			.publishEvent(new AuditableChange("gadget.created", "g", "Created g", null, "new", actor)));

		assertThat(mvc.get().uri("/api/audit?actor=" + actor).with(admin())).bodyJson().extractingPath("$[*].subject")
			.asArray().containsExactly("g", "thing-2", "thing-1", "thing-0");
		assertThat(mvc.get().uri("/api/audit?actor=" + actor + "&type=widget&limit=2&offset=1").with(admin()))
			.bodyJson().extractingPath("$[*].subject").asArray().containsExactly("thing-1", "thing-0");
		assertThat(mvc.get().uri("/api/audit?actor=" + actor + "&type=widget.changed").with(admin()))
			.bodyJson().extractingPath("$[*].subject").asArray().hasSize(3);
		assertThat(mvc.get().uri("/api/audit?actor=" + actor + "&type=widg").with(admin()))
			.bodyJson().extractingPath("$[*].subject").asArray().isEmpty();
		assertThat(mvc.get().uri("/api/audit?limit=0").with(admin())).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aChangeThatRollsBackLeavesNoRecord() {
		var actor = TestUsers.unique("undone");
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new AuditableChange("team.created", "never", "Created never", null, null, actor));
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from audit_event where actor = :actor").param("actor", actor)
			.query(Long.class).single()).isZero();
	}

	@Test
	void onlyAdministratorsReadTheTrail() {
		var editor = TestUsers.person(organisation, Role.EDITOR);
		assertThat(mvc.get().uri("/api/audit").with(TestUsers.as(editor))).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void peopleAreRecordedWithoutTheirPassword() {
		var username = TestUsers.person(organisation, Role.MEMBER);
		var trail = mvc.get().uri("/api/audit?type=person.created&actor=system&limit=1000").with(admin());
		assertThat(trail).hasStatusOk().bodyJson().extractingPath("$[*].subject").asArray().contains(username);
		assertThat(trail).bodyText().doesNotContain(TestUsers.PASSWORD).doesNotContain("bcrypt");
	}
}
