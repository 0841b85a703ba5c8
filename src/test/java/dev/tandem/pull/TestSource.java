package dev.tandem.pull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for a Prometheus or a JSON API: answers each path with what
 * the test set, and keeps every request's path, query and headers. A path answered with
 * {@link #hang} does not answer until the server closes.
 */
final class TestSource implements AutoCloseable {

	record Seen(String path, String query, Headers headers) {
	}

	record Answer(int status, String body, Map<String, String> headers) {
	}

	private final HttpServer server;
	private final Map<String, Answer> answers = new ConcurrentHashMap<>();
	final List<Seen> seen = new CopyOnWriteArrayList<>();
	private final CountDownLatch closing = new CountDownLatch(1);

	TestSource() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.createContext("/", exchange -> {
			var uri = exchange.getRequestURI();
			seen.add(new Seen(uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders()));
			var answer = answers.get(uri.getPath());
			if (answer == null) {
				answer = new Answer(404, "{\"error\":\"no such path\"}", Map.of());
			}
			if (answer.status() == 0) {
				try {
					closing.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			var body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			answer.headers().forEach(exchange.getResponseHeaders()::set);
			exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	TestSource answer(String path, int status, String body) {
		answers.put(path, new Answer(status, body, Map.of()));
		return this;
	}

	TestSource redirect(String path, String location) {
		answers.put(path, new Answer(302, "", Map.of("Location", location)));
		return this;
	}

	TestSource hang(String path) {
		answers.put(path, new Answer(0, "", Map.of()));
		return this;
	}

	List<Seen> seen(String path) {
		return seen.stream().filter(s -> s.path().equals(path)).toList();
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}
}
