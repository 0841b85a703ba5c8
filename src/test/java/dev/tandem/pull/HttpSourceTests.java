package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.tandem.kpi.Frequency;

/** The HTTP side of pulls against a local server, with short bounds: no Spring needed. */
class HttpSourceTests {

	static final PullSettings SHORT = new PullSettings(Duration.ofMillis(500), Duration.ofMillis(700),
			Duration.ofSeconds(1), Duration.ofMillis(700), 100, 2_000, Duration.ofDays(90), 2, Duration.ofDays(1));

	TestSource source;

	HttpJsonFeed feed;

	@BeforeEach
	void start() throws Exception {
		source = new TestSource();
		feed = new HttpJsonFeed(new HttpSource(SHORT, JsonMapper.builder().build()), SHORT);
	}

	@AfterEach
	void stop() {
		source.close();
	}

	@Test
	void aSlowSourceTimesOutWithinItsBound() {
		source.hang("/slow");
		long t0 = System.nanoTime();
		assertThatThrownBy(() -> fetch("/slow", "/v")).isInstanceOf(FeedException.class).hasMessageContaining("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aRedirectIsNotFollowed() {
		source.redirect("/moved", "http://example.com/elsewhere").answer("/elsewhere", 200, "{\"v\":1}");
		assertThatThrownBy(() -> fetch("/moved", "/v")).isInstanceOf(FeedException.class).hasMessageContaining("redirect");
		assertThat(source.seen("/elsewhere")).isEmpty();
	}

	@Test
	void anAnswerLargerThanTheCapIsRefused() {
		source.answer("/big", 200, "{\"v\":1,\"pad\":\"" + "x".repeat(5_000) + "\"}");
		assertThatThrownBy(() -> fetch("/big", "/v")).isInstanceOf(FeedException.class)
			.hasMessageContaining("larger than 2000 bytes");
	}

	@Test
	void anUnreachableHostIsAFailureThatSaysSo() {
		var closed = new Access(connection("http://127.0.0.1:1", null, Map.of()), null);
		assertThatThrownBy(() -> feed.fetch(closed, new PullSpec("/x", "/v", null, Frequency.DAILY), Instant.now(), null))
			.isInstanceOf(FeedException.class)
			.hasMessageContaining("connection refused");
	}

	@Test
	void aQueryCannotLeaveTheConnectionsHost() {
		for (var query : new String[] { "@evil.example.com/x", "//evil.example.com/x", ".evil.example.com/x" }) {
			var uri = HttpJsonFeed.uri(new Access(connection(source.url(), null, Map.of()), null), query);
			assertThat(uri.getHost()).as(query).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void aBearerTokenIsSentWhenThereIsNoUsernameAndScrubbedFromMessages() {
		source.answer("/secure", 403, "{\"error\":\"token t0ken-123 is not allowed\"}");
		var access = new Access(connection(source.url(), null, Map.of()), "t0ken-123");
		assertThatThrownBy(() -> feed.fetch(access, new PullSpec("/secure", "/v", null, Frequency.DAILY), Instant.now(), null))
			.isInstanceOf(FeedException.class)
			.hasMessageContaining("403")
			.hasMessageNotContaining("t0ken-123");
		assertThat(source.seen("/secure").get(0).headers().getFirst("Authorization")).isEqualTo("Bearer t0ken-123");
	}

	@Test
	void theTimeIsReadFromItsPointerAsIsoOrEpochSeconds() {
		source.answer("/iso", 200, "{\"v\":42.5,\"t\":\"2026-11-01T10:00:00Z\"}").answer("/epoch", 200,
				"{\"v\":\"7\",\"t\":1793527200}");
		var access = new Access(connection(source.url(), null, Map.of()), null);
		assertThat(feed.fetch(access, new PullSpec("/iso", "/v", "/t", Frequency.DAILY), Instant.now(), null))
			.containsExactly(new Fetched(Instant.parse("2026-11-01T10:00:00Z"), 42.5));
		assertThat(feed.fetch(access, new PullSpec("epoch", "/v", "/t", Frequency.DAILY), Instant.now(), null))
			.containsExactly(new Fetched(Instant.ofEpochSecond(1793527200), 7));
	}

	private void fetch(String path, String pointer) {
		feed.fetch(new Access(connection(source.url(), null, Map.of()), null),
				new PullSpec(path, pointer, null, Frequency.DAILY), Instant.now(), null);
	}

	static Connection connection(String url, String username, Map<String, String> headers) {
		return new Connection(1, "test", ConnectionKind.HTTP_JSON, url, username, null, headers, null, 0, Instant.now(),
				Instant.now());
	}
}
