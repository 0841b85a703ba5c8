package dev.tandem.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A webhook's receiving end on this machine: records each request, answers with the statuses it was given (then 200). */
final class Receiver implements AutoCloseable {

	record Received(String path, String body, String signature, String delivery, String contentType) {
	}

	private final HttpServer server;
	private final Deque<Integer> statuses = new ArrayDeque<>();
	final List<Received> received = new CopyOnWriteArrayList<>();

	Receiver(Integer... statuses) throws IOException {
		this.statuses.addAll(List.of(statuses));
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(exchange.getRequestURI().getPath(), body,
					exchange.getRequestHeaders().getFirst("X-Tandem-Signature"),
					exchange.getRequestHeaders().getFirst("X-Tandem-Delivery"),
					exchange.getRequestHeaders().getFirst("Content-Type")));
			int status;
			synchronized (this.statuses) {
				status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
			}
			var answer = (status == 200 ? "ok" : "boom").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	/** Answers every request from now on with this status. */
	void always(int status) {
		synchronized (statuses) {
			statuses.clear();
			for (int i = 0; i < 1000; i++) {
				statuses.add(status);
			}
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
