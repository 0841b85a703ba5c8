package dev.tandem.notify;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;

import dev.tandem.TestUsers;
import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.notify.Notifications.ChannelMessage;
import dev.tandem.notify.Notifications.Email;
import dev.tandem.org.Role;

class NotifyDeliveryTests extends NotifyTestBase {

	@Autowired
	MeterRegistry meters;

	@Test
	void anEmailArrivesAsTextAndHtmlWithAOneClickUnsubscribeThatNeedsNoSignIn() throws Exception {
		var person = TestUsers.person(organisation, Role.MEMBER);
		var html = "<!DOCTYPE html><html><body><p>Uptime &lt;b&gt; is red</p></body></html>";
		assertThat(notifications.email(new Email(person, TestUsers.unique("mail"), "Uptime is red", "Uptime <b> is red", html, true)))
			.isTrue();

		assertThat(delivery.deliverDue(now())).isEqualTo(1);

		var messages = MAIL.getReceivedMessages();
		assertThat(messages).hasSize(1);
		var mail = messages[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(person + "@example.com");
		assertThat(mail.getSubject()).isEqualTo("Uptime is red");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		var listUnsubscribe = mail.getHeader("List-Unsubscribe")[0];
		assertThat(listUnsubscribe).startsWith("<https://tandem.example.com/unsubscribe/").endsWith(">");
		var raw = new String(mail.getInputStream().readAllBytes());
		assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
		var all = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail);
		assertThat(all).contains("text/plain").contains("text/html").contains("Uptime <b> is red")
			.contains("Uptime &lt;b&gt; is red").doesNotContain("<p>Uptime <b>");
		assertThat(raw).isNotBlank();

		var path = listUnsubscribe.substring("<https://tandem.example.com".length(), listUnsubscribe.length() - 1);
		var page = mvc.get().uri(path).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page)).contains("Stop Tandem e-mails?");
		assertThat(notifications.preferencesOf(person).email()).as("a GET (a link scanner) changes nothing").isTrue();

		var oneClick = mvc.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click").exchange();
		assertThat(oneClick).hasStatusOk();
		assertThat(body(oneClick)).contains("You are unsubscribed");
		assertThat(notifications.preferencesOf(person).email()).isFalse();
		assertThat(notifications.email(new Email(person, TestUsers.unique("mail"), "Again", "Again", null, true)))
			.as("no e-mail once unsubscribed").isFalse();

		var forged = mvc.post().uri(path.substring(0, path.length() - 2) + "00").exchange();
		assertThat(body(forged)).contains("not valid");
	}

	@Test
	void theSameKeyTwiceQueuesOneMessage() throws Exception {
		var person = TestUsers.person(organisation, Role.MEMBER);
		var key = TestUsers.unique("once");
		var sentBefore = meters.find("tandem.outbox.deliveries").tag("kind", "EMAIL").counters().stream()
			.mapToDouble(c -> c.count()).sum();
		assertThat(notifications.email(new Email(person, key, "Digest", "Text", null, false))).isTrue();
		assertThat(notifications.email(new Email(person, key, "Digest", "Text", null, false))).isFalse();
		delivery.deliverDue(now());
		assertThat(MAIL.getReceivedMessagesForDomain(person + "@example.com")).hasSize(1);
		assertThat(meters.find("tandem.outbox.deliveries").tag("kind", "EMAIL").counters().stream()
			.mapToDouble(c -> c.count()).sum() - sentBefore).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from outbox_message where idempotency_key = ?").param(key).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aWebhookIsSignedAndRetriedWithTheSameIdUntilItIsTaken() throws Exception {
		try (var receiver = new Receiver(500, 503)) {
			var team = TestUsers.team(organisation);
			var secret = "a-secret-of-some-length";
			long channel = channel(team, "WEBHOOK", receiver.url("/hook"), "[\"KPI_HEALTH_CHANGED\"]", secret);
			long teamId = organisation.team(team).id();
			assertThat(notifications.toChannels(new ChannelMessage(teamId, ChannelEvent.KPI_HEALTH_CHANGED,
					"k1", "Uptime is RED", Map.of("kpi", "uptime", "to", "RED")))).isEqualTo(1);
			assertThat(notifications.toChannels(new ChannelMessage(teamId, ChannelEvent.CYCLE_CLOSED, "k2", "x", Map.of())))
				.as("not subscribed").isZero();

			var start = now();
			assertThat(delivery.deliverDue(start)).isZero();
			assertThat(delivery.deliverDue(start.plusSeconds(30))).as("not due again before retry-after").isZero();
			assertThat(receiver.received).hasSize(1);
			assertThat(delivery.deliverDue(start.plus(Duration.ofMinutes(1)))).isZero();
			assertThat(delivery.deliverDue(start.plus(Duration.ofMinutes(2)))).as("the second wait is doubled").isZero();
			assertThat(receiver.received).hasSize(2);
			assertThat(delivery.deliverDue(start.plus(Duration.ofMinutes(3)))).isEqualTo(1);
			assertThat(receiver.received).hasSize(3);

			var ids = new HashSet<String>();
			for (var request : receiver.received) {
				assertThat(request.signature()).isEqualTo("sha256=" + Signatures.hmacHex(secret, request.body()));
				ids.add(JsonPath.read(request.body(), "$.id"));
				assertThat((String) JsonPath.read(request.body(), "$.type")).isEqualTo("KPI_HEALTH_CHANGED");
				assertThat((String) JsonPath.read(request.body(), "$.data.to")).isEqualTo("RED");
				assertThat((String) JsonPath.read(request.body(), "$.occurredAt")).isNotBlank();
			}
			assertThat(ids).as("the same id on every retry").hasSize(1);

			var deliveries = mvc.get().uri("/api/channels/" + channel + "/deliveries").with(admin()).exchange();
			assertThat(deliveries).hasStatusOk();
			assertThat(deliveries).bodyJson().extractingPath("$[0].status").isEqualTo("DELIVERED");
			assertThat(deliveries).bodyJson().extractingPath("$[0].attempts").isEqualTo(3);
			assertThat(deliveries).bodyJson().extractingPath("$[0].id").isEqualTo(ids.iterator().next());
		}
	}

	@Test
	void aDeliveryThatKeepsFailingIsGivenUpAfterMaxAttempts() throws Exception {
		try (var receiver = new Receiver()) {
			receiver.always(500);
			var team = TestUsers.team(organisation);
			long channel = channel(team, "SLACK", receiver.url("/slack"), "[\"GUARDRAIL_ALERT\"]", null);
			var failuresBefore = failures("SLACK");
			notifications.toChannels(new ChannelMessage(organisation.team(team).id(), ChannelEvent.GUARDRAIL_ALERT,
					"g1", "Guardrail <Latency> & co breached", Map.of()));
			var at = now();
			for (int i = 0; i < 5; i++) {
				delivery.deliverDue(at);
				at = at.plus(Duration.ofHours(1));
			}
			assertThat(receiver.received).as("max-attempts is 3").hasSize(3);
			assertThat((String) JsonPath.read(receiver.received.get(0).body(), "$.text"))
				.isEqualTo("Guardrail &lt;Latency&gt; &amp; co breached");
			var failed = mvc.get().uri("/api/channels/" + channel + "/deliveries?status=FAILED").with(admin()).exchange();
			assertThat(failed).bodyJson().extractingPath("$[0].status").isEqualTo("FAILED");
			assertThat(failed).bodyJson().extractingPath("$[0].lastError").asString().startsWith("HTTP 500");
			assertThat(failures("SLACK") - failuresBefore).isEqualTo(3);

			var page = mvc.get().uri("/admin/deliveries?status=FAILED")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(dev.tandem.TestUsers.ADMIN)).exchange();
			assertThat(page).hasStatusOk();
			assertThat(body(page)).contains("channel:" + channel).contains("HTTP 500");
		}
	}

	@Test
	void aTeamsChannelGetsAnAdaptiveCard() throws Exception {
		try (var receiver = new Receiver()) {
			var team = TestUsers.team(organisation);
			channel(team, "TEAMS", receiver.url("/teams"), "[\"CHECK_IN_RECORDED\"]", null);
			notifications.toChannels(new ChannelMessage(organisation.team(team).id(), ChannelEvent.CHECK_IN_RECORDED,
					"c1", "Check-in *done*", Map.of()));
			assertThat(delivery.deliverDue(now())).isEqualTo(1);
			var body = receiver.received.get(0).body();
			assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("message");
			assertThat((String) JsonPath.read(body, "$.attachments[0].contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
			assertThat((String) JsonPath.read(body, "$.attachments[0].content.body[0].text")).isEqualTo("Check\\-in \\*done\\*");
		}
	}

	@Test
	void twoClaimersNeverTakeTheSameRow() throws Exception {
		var ids = new ArrayList<Long>();
		for (int i = 0; i < 40; i++) {
			var person = TestUsers.person(organisation, Role.VIEWER);
			notifications.email(new Email(person, "claim", "S", "T", null, false));
			ids.add(jdbc.sql("select id from outbox_message where recipient = ?")
				.param("person:" + organisation.person(person).id()).query(Long.class).single());
		}
		var at = now();
		var ready = new CountDownLatch(1);
		var claims = new ArrayList<CompletableFuture<List<Long>>>();
		for (int c = 0; c < 4; c++) {
			claims.add(CompletableFuture.supplyAsync(() -> {
				try {
					ready.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				var mine = new ArrayList<Long>();
				for (int round = 0; round < 10; round++) {
					outbox.claim(at, 3).forEach(message -> mine.add(message.id()));
				}
				return mine;
			}));
		}
		ready.countDown();
		var all = new ArrayList<Long>();
		for (var claim : claims) {
			all.addAll(claim.get());
		}
		assertThat(new HashSet<>(all)).as("no row claimed twice").hasSize(all.size());
		assertThat(all).containsAll(ids);
		assertThat(outbox.claim(at.plusSeconds(60), 100)).as("claimed rows stay claimed for their lease").isEmpty();
		assertThat(outbox.claim(at.plus(Outbox.LEASE), 100)).as("a claim whose instance died runs out")
			.extracting(OutboxMessage::id).containsAll(ids);
	}

	@Test
	void badChannelsAndPreferencesAreRefused() {
		var team = TestUsers.team(organisation);
		assertThat(createChannel(team, "WEBHOOK", "ftp://example.com/x", "[\"CYCLE_CLOSED\"]", "0123456789abcdef!"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		var metadata = createChannel(team, "WEBHOOK", "http://169.254.169.254/latest/meta-data", "[\"CYCLE_CLOSED\"]",
				"0123456789abcdef!");
		assertThat(metadata).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(metadata)).contains("link-local");
		var event = createChannel(team, "SLACK", "https://203.0.113.10/x", "[\"NOT_AN_EVENT\"]", null);
		assertThat(event).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(event)).contains("NOT_AN_EVENT");
		assertThat(createChannel(team, "IRC", "https://203.0.113.10/x", "[\"CYCLE_CLOSED\"]", null))
			.hasStatus(HttpStatus.BAD_REQUEST);
		var unsigned = createChannel(team, "WEBHOOK", "https://203.0.113.10/x", "[\"CYCLE_CLOSED\"]", null);
		assertThat(unsigned).as("a webhook needs a secret").hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(unsigned)).contains("secret");
		assertThat(createChannel(team, "WEBHOOK", "https://203.0.113.10/x", "[\"CYCLE_CLOSED\"]", "0123456789abcdef!"))
			.as("the same, well formed").hasStatus(HttpStatus.CREATED);
		assertThat(mvc.put().uri("/api/me/notifications").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"digest\":\"WEEKLY\",\"email\":true,\"events\":[\"KPI_RED\",\"SOMETHING\"]}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void loopbackIsRefusedUnlessAllowed() {
		var strict = new ChannelUrls(false);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.check("http://127.0.0.1:8080/api/backups"))
			.isInstanceOf(dev.tandem.problem.InvalidInputException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.check("http://localhost/"))
			.isInstanceOf(dev.tandem.problem.InvalidInputException.class);
		assertThat(new ChannelUrls(true).check("http://127.0.0.1:9/x").getPort()).isEqualTo(9);
	}

	private double failures(String kind) {
		return meters.find("tandem.outbox.failures").tag("kind", kind).counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private long channel(String team, String kind, String url, String events, String secret) {
		var created = createChannel(team, kind, url, events, secret);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(body(created)).doesNotContain(secret == null ? "\"secret\"" : secret);
		return ((Number) JsonPath.read(body(created), "$.id")).longValue();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult createChannel(String team, String kind, String url,
			String events, String secret) {
		var json = "{\"team\":\"%s\",\"kind\":\"%s\",\"url\":\"%s\",\"events\":%s%s}".formatted(team, kind, url, events,
				secret == null ? "" : ",\"secret\":\"" + secret + "\"");
		return mvc.post().uri("/api/channels").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}
}
