package dev.tandem.review;

import org.springframework.web.util.HtmlUtils;

/**
 * The frame of Tandem's e-mails: one self-contained HTML document, styles inline (mail clients
 * drop style sheets), no images, no scripts. Callers escape what users typed before it comes here.
 */
final class DigestHtml {

	private DigestHtml() {
	}

	static String document(String title, String body) {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">\
				<title>%s</title></head>
				<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d2430">
				<table role="presentation" width="100%%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:24px 12px">
				<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%%;background:#ffffff;border:1px solid #dde1e6;border-radius:6px">
				<tr><td style="padding:20px 24px;border-bottom:1px solid #dde1e6;font-size:18px;font-weight:bold">%s</td></tr>
				<tr><td style="padding:16px 24px;font-size:14px;line-height:1.5">%s</td></tr>
				<tr><td style="padding:12px 24px;border-top:1px solid #dde1e6;font-size:12px;color:#5c6570">Sent by Tandem.</td></tr>
				</table></td></tr></table>
				</body></html>
				""".formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), body);
	}

	static String button(String href, String label) {
		return "<p style=\"margin:16px 0\"><a href=\"" + HtmlUtils.htmlEscape(href)
				+ "\" style=\"display:inline-block;padding:8px 14px;background:#1f5fbf;color:#ffffff;text-decoration:none;border-radius:4px\">"
				+ HtmlUtils.htmlEscape(label) + "</a></p>";
	}

	static String heading(String text) {
		return "<h2 style=\"font-size:15px;margin:18px 0 6px 0\">" + HtmlUtils.htmlEscape(text) + "</h2>";
	}

	static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}
}
