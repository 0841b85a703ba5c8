package dev.tandem.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.problem.InvalidInputException;

/**
 * Slack incoming webhooks ({@code {"text": …}}, mrkdwn escaped), Teams workflow webhooks (an
 * Adaptive Card message) and generic webhooks ({@code {id, type, occurredAt, data}} signed with
 * {@code X-Tandem-Signature: sha256=<hex HMAC-SHA256 of the body>}; the same id on a retry).
 * Redirects are not followed, so a delivery goes only where the checked URL points.
 */
@Component
class ChatSender implements Sender {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Channels channels;
	private final ChannelUrls urls;
	private final JsonMapper json;

	ChatSender(Channels channels, ChannelUrls urls, JsonMapper json) {
		this.channels = channels;
		this.urls = urls;
		this.json = json;
	}

	@Override
	public boolean sends(Kind kind) {
		return kind != Kind.EMAIL;
	}

	@Override
	public void send(OutboxMessage message) throws Exception {
		var channel = channels.forDelivery(message.channelId() == null ? -1 : message.channelId())
			.orElseThrow(() -> new DeliveryFailed("the channel was removed", true));
		URI uri;
		try {
			uri = urls.check(channel.url());
		}
		catch (InvalidInputException e) {
			throw new DeliveryFailed("the channel's URL is refused now: " + e.getMessage(), true);
		}
		var body = body(message);
		var request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Tandem");
		if (message.kind() == Kind.WEBHOOK) {
			request.header("X-Tandem-Delivery", message.messageId());
			if (channel.secret() != null) {
				request.header("X-Tandem-Signature", "sha256=" + Signatures.hmacHex(channel.secret(), body));
			}
		}
		var response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			var text = response.body() == null ? "" : response.body();
			throw new DeliveryFailed("HTTP " + response.statusCode() + (text.isBlank() ? "" : ": "
					+ text.substring(0, Math.min(200, text.length()))), response.statusCode() == 404 || response.statusCode() == 410);
		}
	}

	String body(OutboxMessage message) {
		return switch (message.kind()) {
			case SLACK -> json.writeValueAsString(Map.of("text", slack(message.text())));
			case TEAMS -> json.writeValueAsString(teams(message.text()));
			case WEBHOOK -> {
				var envelope = new LinkedHashMap<String, Object>();
				envelope.put("id", message.messageId());
				envelope.put("type", message.event());
				envelope.put("occurredAt", message.createdAt().toString());
				envelope.put("data", message.payload() == null ? Map.of() : json.readTree(message.payload()));
				yield json.writeValueAsString(envelope);
			}
			case EMAIL -> throw new IllegalArgumentException("not a chat message");
		};
	}

	/** Slack's mrkdwn: only these three are control characters. */
	static String slack(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** The Markdown subset of an Adaptive Card's TextBlock, taken literally. */
	static String markdownLiteral(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]()#>~|-])", "\\\\$1");
	}

	private static Map<String, Object> teams(String text) {
		var card = new LinkedHashMap<String, Object>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", List.of(Map.of("type", "TextBlock", "text", markdownLiteral(text), "wrap", true)));
		var attachment = new LinkedHashMap<String, Object>();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.put("content", card);
		return Map.of("type", "message", "attachments", List.of(attachment));
	}
}
