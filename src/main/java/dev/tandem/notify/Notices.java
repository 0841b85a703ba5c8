package dev.tandem.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.tandem.notify.Notifications.Email;

/** The short real-time notices this module writes itself: a text and a self-contained HTML body, user texts escaped. */
@Component
class Notices {

	private final String baseUrl;

	Notices(@Value("${tandem.notify.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String link(String path) {
		return baseUrl + path;
	}

	Email email(String username, String key, String subject, String line, String path) {
		var url = link(path);
		var text = line + "\n\n" + url + "\n";
		var html = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
				<body style="font-family:system-ui,sans-serif;color:#1a1a1a">
				<p>%s</p>
				<p><a href="%s">Open in Tandem</a></p>
				</body></html>
				""".formatted(HtmlUtils.htmlEscape(subject), HtmlUtils.htmlEscape(line), HtmlUtils.htmlEscape(url));
		return new Email(username, key, subject, text, html, true);
	}
}
