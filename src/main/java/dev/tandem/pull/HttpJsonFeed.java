package dev.tandem.pull;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A JSON endpoint: {@code query} is a path (and query string) appended to the connection's URL;
 * {@code valuePath} and {@code timePath} are JSON Pointers (RFC 6901) to the number and to its
 * time (ISO-8601 or epoch seconds; the time of the run when absent).
 */
@Component
class HttpJsonFeed implements Feed {

	private final HttpSource http;
	private final PullSettings settings;

	HttpJsonFeed(HttpSource http, PullSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	@Override
	public ConnectionKind kind() {
		return ConnectionKind.HTTP_JSON;
	}

	@Override
	public List<Fetched> fetch(Access access, PullSpec spec, Instant now, Instant backfillFrom) {
		var body = http.get(access, uri(access, spec.query()), settings.readTimeout());
		var value = at(body, spec.valuePath(), "valuePath");
		double number;
		if (value.isNumber()) {
			number = value.asDouble();
		}
		else if (value.isString()) {
			try {
				number = Double.parseDouble(value.asString().strip());
			}
			catch (NumberFormatException e) {
				throw new FeedException("the value at " + pointer(spec.valuePath()) + " is not a number: "
						+ Quote.of(value.asString()));
			}
		}
		else {
			throw new FeedException("the value at " + pointer(spec.valuePath()) + " is not a number but "
					+ value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (!Double.isFinite(number)) {
			throw new FeedException("the value at " + pointer(spec.valuePath()) + " is not a finite number");
		}
		var at = spec.timePath() == null || spec.timePath().isBlank() ? now : time(at(body, spec.timePath(), "timePath"),
				spec.timePath());
		return List.of(new Fetched(at, number));
	}

	@Override
	public String test(Access access) {
		http.get(access, uri(access, ""), settings.testTimeout());
		return "the endpoint answered with JSON";
	}

	static URI uri(Access access, String query) {
		var base = access.connection().url();
		var path = query == null ? "" : query.strip();
		if (!path.isEmpty() && !path.startsWith("/") && !path.startsWith("?") && !base.endsWith("/")) {
			path = "/" + path;
		}
		else if (path.startsWith("/") && base.endsWith("/")) {
			path = path.substring(1);
		}
		var uri = URI.create(base + path);
		var origin = URI.create(base);
		if (!java.util.Objects.equals(uri.getHost(), origin.getHost()) || uri.getPort() != origin.getPort()) {
			throw new FeedException("the query must be a path on the connection's host, not another address");
		}
		return uri;
	}

	private static JsonNode at(JsonNode body, String path, String field) {
		var node = body.at(JsonPointer.compile(path == null ? "" : path));
		if (node.isMissingNode() || node.isNull()) {
			throw new FeedException(field + " " + pointer(path) + " does not point at anything in the answer");
		}
		return node;
	}

	private static Instant time(JsonNode node, String path) {
		if (node.isNumber()) {
			return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
		}
		try {
			return Instant.parse(node.asString().strip());
		}
		catch (DateTimeParseException e) {
			throw new FeedException("the time at " + pointer(path) + " is neither ISO-8601 (2026-11-01T00:00:00Z) nor epoch "
					+ "seconds: " + Quote.of(node.asString()));
		}
	}

	private static String pointer(String path) {
		return "'" + (path == null ? "" : path) + "'";
	}
}
