package dev.tandem.notify;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TestUsers;
import dev.tandem.org.Role;

/**
 * The cadence and the delivery together: a digest the review module hands over arrives as a
 * real e-mail through the outbox, with its unsubscribe headers, and sending the due digests
 * again in the same period mails nobody twice.
 */
class CadenceMailTests extends NotifyTestBase {

	@Test
	void digestsSentThroughTheApiArriveOnceAsMailsWithTheirUnsubscribeLink() throws Exception {
		var person = TestUsers.person(organisation, Role.MEMBER);

		var first = mvc.post().uri("/api/digests/send").with(admin()).exchange();
		assertThat(first).hasStatusOk();
		assertThat(((Number) JsonPath.read(ApiFixtures.body(first), "$.sent")).intValue()).isPositive();
		delivery.deliverDue(now());

		var mails = MAIL.getReceivedMessagesForDomain(person + "@example.com");
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getSubject()).startsWith("Your Tandem digest for ");
		assertThat(mails[0].getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/");
		assertThat(mails[0].getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

		var again = mvc.post().uri("/api/digests/send").with(admin()).exchange();
		assertThat(again).hasStatusOk();
		assertThat(((Number) JsonPath.read(ApiFixtures.body(again), "$.skipped")).intValue()).isPositive();
		delivery.deliverDue(now());
		assertThat(MAIL.getReceivedMessagesForDomain(person + "@example.com")).hasSize(1);
	}
}
