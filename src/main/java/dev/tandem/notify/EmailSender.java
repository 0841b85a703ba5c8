package dev.tandem.notify;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.org.Organisation;

/**
 * E-mail over SMTP ({@code spring.mail.*}, or {@code SPRING_MAIL_HOST} and so on): multipart
 * text and HTML, and for an unsubscribable mail the signed one-click link with the RFC 8058
 * headers. Without {@code spring.mail.host} there is no SMTP server to use (the demo, a first
 * try): mails are then logged (recipient and subject, never the body) and count as delivered.
 */
@Component
class EmailSender implements Sender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final JavaMailSender mail;
	private final Organisation organisation;
	private final UnsubscribeLinks links;
	private final String from;

	EmailSender(ObjectProvider<JavaMailSender> mail, Organisation organisation, UnsubscribeLinks links,
			@Value("${tandem.notify.from}") String from) {
		this.mail = mail.getIfAvailable();
		this.organisation = organisation;
		this.links = links;
		this.from = from;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (mail == null) {
			log.info("E-mail: no SMTP server configured (spring.mail.host / SPRING_MAIL_HOST), so e-mails are only logged, not sent.");
		}
		else {
			log.info("E-mail: sending through SMTP as {}.", from);
		}
	}

	@Override
	public boolean sends(Kind kind) {
		return kind == Kind.EMAIL;
	}

	@Override
	public void send(OutboxMessage message) throws Exception {
		var person = organisation.findPerson(message.personId() == null ? -1 : message.personId())
			.filter(found -> found.active() && found.email() != null && !found.email().isBlank())
			.orElseThrow(() -> new DeliveryFailed("the person is gone, inactive or has no e-mail address", true));
		if (mail == null) {
			log.info("E-mail (log only) to {}: {}", person.username(), message.subject());
			return;
		}
		MimeMessage mime = mail.createMimeMessage();
		var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(person.email());
		helper.setSubject(message.subject());
		var text = message.text();
		var html = message.html();
		if (message.unsubscribable()) {
			var link = links.link(person.username());
			text = text + "\n\n--\nStop these e-mails: " + link + "\n";
			html = withFooter(html, link);
			mime.setHeader("List-Unsubscribe", "<" + link + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		if (html == null) {
			helper.setText(text, false);
		}
		else {
			helper.setText(text, html);
		}
		mime.setHeader("X-Tandem-Delivery", message.messageId());
		mail.send(mime);
	}

	private static String withFooter(String html, String link) {
		if (html == null) {
			return null;
		}
		var footer = "<p style=\"font-size:12px;color:#555\"><a href=\"" + HtmlUtils.htmlEscape(link)
				+ "\">Stop these e-mails</a></p>";
		var end = html.toLowerCase().lastIndexOf("</body>");
		return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
	}
}
