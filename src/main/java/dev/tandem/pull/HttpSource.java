package dev.tandem.pull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * GETs JSON from Prometheus and HTTP JSON sources: bounded connect and read timeouts, no
 * redirect followed (a redirect could lead anywhere, another host included), the answer capped
 * in size, the connection's credentials as basic auth, a bearer token or a secret header.
 */
@Component
class HttpSource {

	private final PullSettings settings;
	private final ObjectMapper mapper;
	private final HttpClient client;

	HttpSource(PullSettings settings, ObjectMapper mapper) {
		this.settings = settings;
		this.mapper = mapper;
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The JSON at the URI; a non-2xx status, a timeout or a body that is not JSON is a {@link FeedException}. */
	JsonNode get(Access access, URI uri, Duration timeout) {
		var factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(timeout);
		var rest = RestClient.builder().requestFactory(factory).build();
		try {
			return rest.get().uri(uri).headers(headers -> authorise(access, headers)).exchange((request, response) -> {
				var status = response.getStatusCode();
				var body = read(response.getBody());
				if (status.is3xxRedirection()) {
					throw new FeedException("the source answered " + status.value() + " (a redirect), which Tandem does not "
							+ "follow; give the final URL");
				}
				if (!status.is2xxSuccessful()) {
					throw new FeedException("the source answered " + status.value() + (status.value() == 401
							|| status.value() == 403 ? " (check the credentials)" : "") + ": "
							+ access.scrub(excerpt(body)));
				}
				try {
					return mapper.readTree(body);
				}
				catch (RuntimeException e) {
					throw new FeedException("the source's answer is not JSON: " + access.scrub(excerpt(body)));
				}
			}, true);
		}
		catch (FeedException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new FeedException(access.scrub("could not read " + uri.getScheme() + "://" + uri.getAuthority() + ": "
					+ describe(e, timeout)));
		}
	}

	private String describe(RuntimeException e, Duration timeout) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
				return "no answer within " + timeout.toMillis() + " ms (timed out)";
			}
			if (cause instanceof java.net.ConnectException) {
				return "connection refused or host unreachable";
			}
			if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
				return "unknown host";
			}
		}
		var root = e;
		Throwable deepest = root;
		while (deepest.getCause() != null) {
			deepest = deepest.getCause();
		}
		return deepest.getClass().getSimpleName() + (deepest.getMessage() == null ? "" : ": " + deepest.getMessage());
	}

	private byte[] read(InputStream body) throws IOException {
		var bytes = body.readNBytes(settings.maxResponseBytes() + 1);
		if (bytes.length > settings.maxResponseBytes()) {
			throw new FeedException("the answer is larger than " + settings.maxResponseBytes() + " bytes; ask for less");
		}
		return bytes;
	}

	private static String excerpt(byte[] body) {
		var text = new String(body, StandardCharsets.UTF_8).strip();
		return text.isEmpty() ? "(no body)" : Quote.of(text);
	}

	private static void authorise(Access access, HttpHeaders headers) {
		var c = access.connection();
		c.headers().forEach(headers::set);
		if (access.secret() == null) {
			return;
		}
		if (c.secretHeader() != null) {
			headers.set(c.secretHeader(), access.secret());
		}
		else if (c.username() != null) {
			headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
				.encodeToString((c.username() + ":" + access.secret()).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			headers.setBearerAuth(access.secret());
		}
	}
}
