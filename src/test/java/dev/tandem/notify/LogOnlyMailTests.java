package dev.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.notify.OutboxMessage.Status;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.org.Role;

/** Without an SMTP server (no spring.mail.host): a clear line at start-up, and mails logged, never their body. */
@ExtendWith(OutputCaptureExtension.class)
class LogOnlyMailTests {

	private final Organisation organisation = mock(Organisation.class);

	private final EmailSender sender = new EmailSender(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
			organisation, mock(UnsubscribeLinks.class), "tandem@localhost");

	@Test
	void saysSoAtStartUpAndLogsTheRecipientAndSubjectOnly(CapturedOutput output) throws Exception {
		when(organisation.findPerson(7L)).thenReturn(Optional.of(new PersonView(7, "ada", "Ada", "ada@example.com",
				Role.MEMBER, List.of(), true)));
		sender.announce();
		sender.send(message(7L));
		assertThat(output).contains("no SMTP server configured").contains("E-mail (log only) to ada: Uptime is red")
			.doesNotContain("the secret body");
	}

	@Test
	void aPersonWithoutAnAddressIsGivenUpAtOnce() {
		when(organisation.findPerson(8L)).thenReturn(Optional.of(new PersonView(8, "bo", "Bo", null, Role.MEMBER,
				List.of(), true)));
		assertThatThrownBy(() -> sender.send(message(8L))).isInstanceOfSatisfying(Sender.DeliveryFailed.class,
				failed -> assertThat(failed.permanent()).isTrue());
	}

	private static OutboxMessage message(long personId) {
		return new OutboxMessage(1, "m-1", "person:" + personId, "k", Kind.EMAIL, "EMAIL", personId, null, "Uptime is red",
				"the secret body", null, null, true, Status.PENDING, 0, Instant.now(), null, Instant.now(), null);
	}
}
