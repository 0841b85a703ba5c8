package dev.tandem.notify;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.tandem.TandemTest;
import dev.tandem.org.Organisation;

/**
 * The notification tests' one context: SMTP to an in-process GreenMail server, loopback
 * channel URLs allowed (the webhook receivers run on this machine), the outbox job switched off
 * so that each test delivers with {@link OutboxDelivery#deliverDue} at the time it chooses.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.notify.allow-private-urls=true", "tandem.jobs.outbox.cron=-",
		"tandem.notify.max-attempts=3", "tandem.notify.retry-after=1m", "tandem.notify.base-url=https://tandem.example.com",
		"spring.mail.host=127.0.0.1" })
abstract class NotifyTestBase {

	static final GreenMail MAIL = start();

	private static GreenMail start() {
		var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxNotifications notifications;

	/**
	 * What earlier tests left pending in this context's outbox is settled first, so that each
	 * test's deliveries and claims see only its own messages.
	 */
	@BeforeEach
	void settleEarlierMessages() throws Exception {
		jdbc.sql("update outbox_message set status = 'DELIVERED', claim_token = null, claimed_until = null where status = 'PENDING'")
			.update();
		MAIL.purgeEmailFromAllMailboxes();
	}

	static Instant now() {
		return Instant.now();
	}
}
