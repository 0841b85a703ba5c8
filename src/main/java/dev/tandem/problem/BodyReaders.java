package dev.tandem.problem;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps slow uploads from taking every request thread. A servlet reads a request body with
 * blocking reads, so a request whose body trickles in holds one of Tomcat's threads (200 by
 * default) until it is done or cut off ({@link BodyRate}); 200 such connections would stall
 * every other request, the signed-in ones and the health checks included. So requests with a
 * body are admitted only while fewer than {@code tandem.limits.bodies-per-address} are under
 * way from the same client address (then 429) and fewer than {@code tandem.limits.bodies-at-once}
 * in all (then 503), which leaves the rest of the threads to everything else. A refused request
 * is answered at once, its body unread, and its connection closed.
 * <p>
 * Why not virtual threads: they would let a parked read cost no platform thread, but Tandem runs
 * on Java 17, which has none; this bound holds on every JVM. Behind a reverse proxy, the proxy
 * buffers bodies and this rarely matters (see docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyReaders extends OncePerRequestFilter {

	private final int perAddress;
	private final int atOnce;
	private final AtomicInteger underWay = new AtomicInteger();
	private final ConcurrentHashMap<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

	BodyReaders(@Value("${tandem.limits.bodies-per-address}") int perAddress,
			@Value("${tandem.limits.bodies-at-once}") int atOnce) {
		if (perAddress < 1 || atOnce < 1) {
			throw new IllegalStateException("tandem.limits.bodies-per-address and bodies-at-once must be at least 1, not "
					+ perAddress + " and " + atOnce);
		}
		this.perAddress = perAddress;
		this.atOnce = atOnce;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		var address = String.valueOf(request.getRemoteAddr());
		var fromAddress = byAddress.computeIfAbsent(address, ignored -> new AtomicInteger());
		int mine = fromAddress.incrementAndGet();
		int all = underWay.incrementAndGet();
		try {
			if (mine > perAddress) {
				refuse(response, 429, "Too many requests", "Too many uploads are under way from your address (at most "
						+ perAddress + " at once); wait for one to finish and send this again.");
			}
			else if (all > atOnce) {
				refuse(response, 503, "Service unavailable", "Too many uploads are under way (at most " + atOnce
						+ " at once); send this again in a moment.");
			}
			else {
				chain.doFilter(request, response);
			}
		}
		finally {
			underWay.decrementAndGet();
			// dropped once idle, so that addresses seen once do not pile up
			byAddress.computeIfPresent(address, (key, count) -> count.decrementAndGet() == 0 ? null : count);
		}
	}

	/** Under way now, for tests and a look in a debugger. */
	int underWay() {
		return underWay.get();
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	private static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setHeader(HttpHeaders.RETRY_AFTER, "2");
		// the unread body is not drained: the connection ends with this answer
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}");
	}
}
