package dev.tandem.problem;

import java.io.IOException;
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
 * large; every other request is a small JSON document.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	private static final Pattern BULK = Pattern.compile("^/api/(measurements|kpis/[^/]+/measurements(/import)?)$");

	private final long jsonLimit;
	private final long bulkLimit;

	RequestSizeLimit(@Value("${tandem.limits.json-bytes}") long jsonLimit,
			@Value("${tandem.limits.bulk-bytes}") long bulkLimit) {
		this.jsonLimit = jsonLimit;
		this.bulkLimit = bulkLimit;
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
		chain.doFilter(new Limited(request, limit), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;
		private final long limit;
		private long read;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > limit) {
				throw new PayloadTooLargeException(limit);
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
