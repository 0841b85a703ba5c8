package dev.tandem.problem;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies beyond a limit with 413: at once when the declared length is too
 * large, and while reading when a streamed body turns out to be. Measurement uploads may be
 * large; every other request is a small JSON document. And refuses a body that arrives too
 * slowly with 408 ({@link BodyRate}), checked at each read — a read itself waits at most the
 * connector's {@code server.tomcat.connection-timeout} for its next bytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

	private static final Pattern BULK = Pattern.compile("^/api/(measurements|kpis/[^/]+/measurements(/import)?|import/(okrs|kpis))$|^/import/(preview|run)$");

	private final long jsonLimit;
	private final long bulkLimit;

	private final BodyRate rate;

	RequestSizeLimit(@Value("${tandem.limits.json-bytes}") long jsonLimit,
			@Value("${tandem.limits.bulk-bytes}") long bulkLimit, @Value("${tandem.limits.body-grace}") Duration grace,
			@Value("${tandem.limits.body-min-bytes-per-second}") long minBytesPerSecond) {
		this.jsonLimit = jsonLimit;
		this.bulkLimit = bulkLimit;
		this.rate = new BodyRate(grace, minBytesPerSecond);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = BULK.matcher(request.getRequestURI()).matches() ? bulkLimit : jsonLimit;
		if (request.getContentLengthLong() > limit) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
					+ "\"detail\":\"The request body is larger than the limit of " + limit
					+ " bytes; send it in smaller parts.\"}");
			return;
		}
		chain.doFilter(new Limited(request, limit, rate), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;
		private final BodyRate rate;
		private final long started = System.nanoTime();
		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit, BodyRate rate) {
			super(request);
			this.limit = limit;
			this.rate = rate;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), limit, rate, started);
			}
			return stream;
		}
	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;
		private final long limit;
		private final BodyRate rate;
		private final long started;
		private long read;

		Counting(ServletInputStream in, long limit, BodyRate rate, long started) {
			this.in = in;
			this.limit = limit;
			this.rate = rate;
			this.started = started;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			count(b >= 0 ? 1 : 0, b < 0);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			count(Math.max(n, 0), n < 0);
			return n;
		}

		private void count(int n, boolean ended) {
			read += n;
			if (read > limit) {
				throw new PayloadTooLargeException(limit);
			}
			if (!ended && rate.tooSlow(read, System.nanoTime() - started)) {
				throw new RequestBodyTooSlowException(rate.minBytesPerSecond(), rate.grace().toSeconds());
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
