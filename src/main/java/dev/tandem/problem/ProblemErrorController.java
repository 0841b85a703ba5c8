package dev.tandem.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The errors no controller answered — a path nothing serves, a method or media type the
 * dispatcher refused before choosing a handler, an exception thrown by a filter (the
 * database failing during token authentication) — reach Tomcat's error dispatch. For anything
 * but a browser asking for HTML this answers them as problem details too, in place of Spring
 * Boot's {@code {timestamp, status, error, path}}: a client meets one error format, whatever
 * went wrong where. Browsers keep the error pages.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

	private final ErrorAttributes errors;

	ProblemErrorController(ErrorAttributes errors, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
		super(errors, web.getError(), resolvers.orderedStream().toList());
		this.errors = errors;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		var failure = errors.getError(new ServletWebRequest(request));
		var status = getStatus(request);
		var headers = new HttpHeaders();
		String detail;
		if (failure != null && DatabaseUnavailable.isCause(failure)) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			detail = DatabaseUnavailable.DETAIL;
		}
		else if (failure instanceof HttpRequestMethodNotSupportedException e) {
			detail = e.getMethod() + " is not allowed here; this path answers "
					+ String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()) + ".";
			headers.putAll(e.getHeaders());
		}
		else if (failure instanceof HttpMediaTypeNotAcceptableException e) {
			detail = "This path answers in " + types(e.getSupportedMediaTypes())
					+ "; ask for one of them in the Accept header (or send none).";
		}
		else if (failure instanceof HttpMediaTypeNotSupportedException e) {
			detail = "Send the body as " + types(e.getSupportedMediaTypes()) + " and say so in the Content-Type header.";
			headers.putAll(e.getHeaders());
		}
		else if (failure instanceof ErrorResponse e && e.getBody().getDetail() != null) {
			detail = e.getBody().getDetail();
		}
		else {
			detail = byStatus(status);
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", Quoted.capped(detail, ProblemDetailsAdvice.MESSAGE_LIMIT));
		var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			body.put("instance", Quoted.capped(path.toString(), 200));
		}
		// a preset content type is kept whatever the Accept header asked for, so that even a 406 has its body
		return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private static String types(List<MediaType> types) {
		return types.isEmpty() ? "a supported media type"
				: types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
	}

	private static String byStatus(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Nothing is at this path; /v3/api-docs lists every path of the API.";
			case BAD_REQUEST -> "The request could not be read; check its syntax, headers and encoding.";
			case PAYLOAD_TOO_LARGE -> "The request is larger than the server accepts; send it in smaller parts.";
			case UNAUTHORIZED -> "Sign in: send HTTP Basic credentials or an API token as 'Authorization: Bearer <token>'.";
			case FORBIDDEN -> "You may not do this.";
			default -> status.is5xxServerError()
					? ProblemDetailsAdvice.INTERNAL_ERROR
					: status.getReasonPhrase() + ".";
		};
	}
}
