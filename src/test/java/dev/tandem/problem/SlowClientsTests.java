package dev.tandem.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ServedTest;
import dev.tandem.TestUsers;

/**
 * 300 anonymous connections that trickle a request body — to the bulk import and to the sign-in
 * form — do not stall Tandem: the uploads beyond what one address may have under way are
 * answered at once, and signed-in requests keep being answered meanwhile.
 */
@ServedTest
class SlowClientsTests {

	private static final int CONNECTIONS = 300;

	@LocalServerPort
	int port;

	@Autowired
	BodyReaders readers;

	@Test
	void threeHundredTricklingUploadsLeaveTheServerAnswering() throws Exception {
		var sockets = new ArrayList<Socket>();
		var trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < CONNECTIONS; i++) {
				var socket = new Socket("localhost", port);
				socket.setSoTimeout(15_000);
				var path = i % 2 == 0 ? "/api/measurements" : "/login";
				var type = i % 2 == 0 ? "application/json" : "application/x-www-form-urlencoded";
				socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
						+ "\r\nContent-Length: 100000\r\n\r\n" + (i % 2 == 0 ? "[" : "u")).getBytes(StandardCharsets.US_ASCII));
				sockets.add(socket);
			}
			// a byte every two seconds on every connection still open
			trickle.scheduleAtFixedRate(() -> sockets.forEach(SlowClientsTests::oneByte), 2, 2, TimeUnit.SECONDS);

			// each socket's first answer, read side by side: one still under way shows none within its timeout
			var readers = Executors.newFixedThreadPool(50);
			List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
			for (var socket : sockets) {
				answers.add(readers.submit(() -> firstLine(socket.getInputStream())));
			}
			int answered = 0;
			var seen = new java.util.TreeMap<String, Integer>();
			for (var answer : answers) {
				var line = answer.get();
				seen.merge(line.isEmpty() ? "(none yet)" : line, 1, Integer::sum);
				if (!line.isEmpty()) {
					answered++;
				}
			}
			readers.shutdown();
			// beyond the 16 one address may have under way: 429 at once; an anonymous upload admitted to the
			// API is answered by the sign-in check without its body being read (401), which frees its place
			assertThat(answered).as("all but the uploads one address may have under way are answered at once: %s", seen)
				.isGreaterThanOrEqualTo(CONNECTIONS - 16);
			assertThat(seen.keySet()).as("answers").allMatch(line -> line.equals("(none yet)")
					|| line.startsWith("HTTP/1.1 429") || line.startsWith("HTTP/1.1 401"));
			assertThat(seen.getOrDefault("(none yet)", 0)).as("still under way").isLessThanOrEqualTo(16);

			var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			for (int i = 0; i < 20; i++) {
				var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health"))
					.header("Authorization", TestUsers.adminBasicAuthorization())
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as("a signed-in request while the uploads trickle").isEqualTo(200);
			}
		}
		finally {
			trickle.shutdownNow();
			for (var socket : sockets) {
				socket.close();
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> readers.underWay() == 0);
	}

	private static void oneByte(Socket socket) {
		if (socket.isClosed()) {
			return;
		}
		try {
			OutputStream out = socket.getOutputStream();
			out.write('0');
			out.flush();
		}
		catch (IOException closedByTheServer) {
			// answered and closed: nothing more to trickle
		}
	}

	/** The status line, or "" when none came within the socket's timeout (a request still under way). */
	private static String firstLine(InputStream in) throws IOException {
		var line = new StringBuilder();
		try {
			for (int b = in.read(); b >= 0 && b != '\r' && b != '\n'; b = in.read()) {
				line.append((char) b);
			}
		}
		catch (SocketTimeoutException stillUnderWay) {
			return "";
		}
		return line.toString();
	}
}
