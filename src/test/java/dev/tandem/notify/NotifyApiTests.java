package dev.tandem.notify;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.admin;
import static dev.tandem.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TestUsers;
import dev.tandem.org.Role;

class NotifyApiTests extends NotifyTestBase {

	@Test
	void preferencesStartAtTheDefaultsAndKeepWhatThePersonChose() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var defaults = mvc.get().uri("/api/me/notifications").with(as(member)).exchange();
		assertThat(defaults).hasStatusOk();
		assertThat(defaults).bodyJson().extractingPath("$.digest").isEqualTo("WEEKLY");
		assertThat(defaults).bodyJson().extractingPath("$.email").isEqualTo(true);
		assertThat(defaults).bodyJson().extractingPath("$.events.length()").isEqualTo(5);

		assertThat(mvc.put().uri("/api/me/notifications").with(as(member)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"digest\":\"DAILY\",\"email\":true,\"events\":[\"PROPOSAL\"]}")).hasStatusOk();
		var chosen = mvc.get().uri("/api/me/notifications").with(as(member)).exchange();
		assertThat(chosen).bodyJson().extractingPath("$.digest").isEqualTo("DAILY");
		assertThat(chosen).bodyJson().extractingPath("$.events").asArray().containsExactly("PROPOSAL");
		assertThat(notifications.preferencesOf(member).digest()).isEqualTo(Notifications.DigestFrequency.DAILY);

		var unknown = mvc.put().uri("/api/me/notifications").with(as(member)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"digest\":\"HOURLY\",\"email\":true,\"events\":[]}").exchange();
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(unknown)).contains("WEEKLY, DAILY or OFF");
	}

	@Test
	void theSettingsPageShowsAndSavesThePreferences() {
		var member = TestUsers.person(organisation, Role.MEMBER);
		var page = mvc.get().uri("/settings/notifications").with(user(member)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page)).contains("Send me e-mails").contains("a KPI I own turns red");
		var saved = mvc.post().uri("/settings/notifications").with(user(member)).with(csrf()).param("digest", "OFF")
			.param("events", "KPI_RED").exchange();
		assertThat(saved).hasStatus3xxRedirection();
		var now = notifications.preferencesOf(member);
		assertThat(now.digest()).isEqualTo(Notifications.DigestFrequency.OFF);
		assertThat(now.email()).as("the box left unticked").isFalse();
		assertThat(now.events()).containsExactly(Notifications.PersonalEvent.KPI_RED);
	}

	@Test
	void anEditorManagesTheirTeamsChannelsOnlyAndNeverSeesTheSecret() {
		var team = TestUsers.team(organisation);
		var other = TestUsers.team(organisation);
		var editor = TestUsers.person(organisation, Role.EDITOR, team);
		var json = "{\"team\":\"%s\",\"kind\":\"WEBHOOK\",\"url\":\"https://203.0.113.10/t\",\"events\":[\"CYCLE_CLOSED\"],\"secret\":\"very-secret-value-1\"}";
		var created = mvc.post().uri("/api/channels").with(as(editor)).contentType(MediaType.APPLICATION_JSON)
			.content(json.formatted(team)).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(body(created)).doesNotContain("very-secret-value-1").contains("\"signed\":true");
		long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		assertThat(mvc.post().uri("/api/channels").with(as(editor)).contentType(MediaType.APPLICATION_JSON)
			.content(json.formatted(other))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/channels").with(as(editor)).contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"team\":\"%s\",", ""))).as("organisation-wide: administrators only")
			.hasStatus(HttpStatus.FORBIDDEN);

		var listed = mvc.get().uri("/api/channels").with(as(editor)).exchange();
		assertThat(listed).hasStatusOk();
		assertThat(body(listed)).contains("\"id\":" + id).doesNotContain("very-secret-value-1");
		var outsider = TestUsers.person(organisation, Role.EDITOR, other);
		assertThat(body(mvc.get().uri("/api/channels").with(as(outsider)).exchange())).doesNotContain("\"id\":" + id + ",");
		assertThat(mvc.delete().uri("/api/channels/" + id).with(as(outsider))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/channels/" + id).with(as(editor))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/channels/" + id + "/deliveries").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aKpiTurningRedTellsItsOwnerAndTheTeamsChannel() throws Exception {
		try (var receiver = new Receiver()) {
			var team = TestUsers.team(organisation);
			var owner = TestUsers.person(organisation, Role.EDITOR, team);
			var api = new ApiFixtures(mvc);
			assertThat(api.post("/api/channels", "{\"team\":\"%s\",\"kind\":\"SLACK\",\"url\":\"%s\",\"events\":[\"KPI_HEALTH_CHANGED\",\"PROPOSAL_CREATED\"]}"
				.formatted(team, receiver.url("/slack")))).hasStatus(HttpStatus.CREATED);
			var key = TestUsers.unique("kpi");
			assertThat(api.post("/api/kpis", """
					{"key":"%s","name":"Uptime <b>","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
					 "frequency":"DAILY","aggregation":"AVERAGE","indicator":"LAGGING","shape":"THRESHOLD",
					 "direction":"HIGHER_IS_BETTER","target":99,"warning":95,"formula":"up minutes / all minutes"}"""
				.formatted(key, team, owner))).hasStatus(HttpStatus.CREATED);
			var at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
			assertThat(api.post("/api/kpis/" + key + "/measurements", "{\"at\":\"%s\",\"value\":50}".formatted(at)))
				.hasStatus(HttpStatus.CREATED);

			long personId = organisation.person(owner).id();
			// the owner is the team's editor too: the loop's proposal for the red KPI awaits their decision
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
					"select count(*) from outbox_message where person_id = ? and event in ('KPI_RED', 'PROPOSAL')").param(personId)
				.query(Long.class).single() == 2);
			delivery.deliverDue(Instant.now());

			var mails = MAIL.getReceivedMessagesForDomain(owner + "@example.com");
			assertThat(mails).extracting(mail -> mail.getSubject())
				.containsExactlyInAnyOrder("KPI Uptime <b> turned red", "A proposal awaits your decision: Uptime <b>");
			var red = java.util.Arrays.stream(mails).filter(mail -> {
				try {
					return mail.getSubject().endsWith("turned red");
				}
				catch (jakarta.mail.MessagingException e) {
					throw new IllegalStateException(e);
				}
			}).findFirst().orElseThrow();
			var whole = GreenMailUtil.getWholeMessage(red);
			assertThat(whole).contains("Uptime &lt;b&gt;").contains("https://tandem.example.com/kpis/" + key)
				.contains("List-Unsubscribe");
			assertThat(receiver.received).anySatisfy(request -> assertThat((String) JsonPath.read(request.body(), "$.text"))
				.contains("Uptime &lt;b&gt; is now RED"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				delivery.deliverDue(Instant.now());
				return receiver.received.stream().anyMatch(request -> request.body().contains("proposes an objective"));
			});
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Test
	void aGuardrailAlertTellsTheObjectivesOwnerWhoOptedIn() throws Exception {
		var team = TestUsers.team(organisation);
		var owner = TestUsers.person(organisation, Role.EDITOR, team);
		var api = new ApiFixtures(mvc);
		long cycle = api.cycleAroundToday();
		var created = api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Faster <support>","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, owner)).exchange();
		long objective = ApiFixtures.id(created);
		var kpi = TestUsers.unique("kpi");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"CSAT","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"AVERAGE","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":90,"warning":80}""".formatted(kpi, team, owner)))
			.hasStatus(HttpStatus.CREATED);
		long kpiId = JsonPath.<Number>read(body(api.get("/api/kpis/" + kpi).exchange()), "$.id").longValue();
		long teamId = organisation.team(team).id();
		var raisedAt = Instant.now();
		transaction.executeWithoutResult(status -> events.publishEvent(new dev.tandem.loop.GuardrailAlertRaised(objective,
				kpiId, teamId, dev.tandem.kpi.HealthStatus.RED, 61.0, raisedAt)));

		long personId = organisation.person(owner).id();
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from outbox_message where person_id = ? and event = 'GUARDRAIL_ALERT'").param(personId)
			.query(Long.class).single() == 1);
		delivery.deliverDue(Instant.now());
		var mails = MAIL.getReceivedMessagesForDomain(owner + "@example.com");
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getSubject()).isEqualTo("Guardrail breached: CSAT");
		assertThat(GreenMailUtil.getWholeMessage(mails[0])).contains("Faster &lt;support&gt;")
			.contains("https://tandem.example.com/objectives/" + objective);

		// one who opted out of guardrail notices is not told
		var other = TestUsers.person(organisation, Role.EDITOR, team);
		assertThat(mvc.put().uri("/api/me/notifications").with(as(other)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"digest\":\"WEEKLY\",\"email\":true,\"events\":[\"KPI_RED\"]}")).hasStatusOk();
		var second = ApiFixtures.id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Other","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, other)).exchange());
		transaction.executeWithoutResult(status -> events.publishEvent(new dev.tandem.loop.GuardrailAlertRaised(second,
				kpiId, teamId, dev.tandem.kpi.HealthStatus.RED, 61.0, raisedAt)));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
		assertThat(jdbc.sql("select count(*) from outbox_message where person_id = ?")
			.param(organisation.person(other).id()).query(Long.class).single()).isZero();
	}
}
