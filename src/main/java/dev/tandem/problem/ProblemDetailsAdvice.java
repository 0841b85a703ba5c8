package dev.tandem.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become RFC 9457 problem details for the JSON API. Messages
 * are written for the person who sent the request; exception texts from libraries are never
 * echoed, only what they say about the input (which field, which value).
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** The longest detail or error message a problem carries (see {@link Quoted}). */
	static final int MESSAGE_LIMIT = 500;

	static final String INTERNAL_ERROR = "Something went wrong on our side; nothing was saved. The server log has the details.";

	private static final int FIELD_LIMIT = 120;

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleVersion(OptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"Someone else changed this in the meantime; reload it and apply your change again.");
	}

	@ExceptionHandler(PessimisticLockingFailureException.class)
	ProblemDetail busy(PessimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", "A concurrent change held this resource; try again.");
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", "Something with the same key already exists.");
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ProblemDetail precondition(PreconditionFailedException e) {
		return problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ProblemDetail tooLarge(PayloadTooLargeException e) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage());
	}

	@ExceptionHandler(RequestBodyTooSlowException.class)
	ProblemDetail tooSlow(RequestBodyTooSlowException e) {
		return problem(HttpStatus.REQUEST_TIMEOUT, "Request body too slow", e.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		return invalid(e.getMessage(), e.problems());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		var message = Quoted.of(e.getValue()) + " is not a valid " + describe(e.getRequiredType()) + ".";
		return invalid(e.getName() + ": " + message, List.of(new FieldProblem(e.getName(), message)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(invalid(e.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problems = new java.util.ArrayList<FieldProblem>();
		for (var result : e.getParameterValidationResults()) {
			if (result instanceof ParameterErrors errors) {
				// a bean inside the body (or an element of a list body): name the field, with its index
				var prefix = errors.getContainerIndex() == null ? "" : "[" + errors.getContainerIndex() + "].";
				errors.getFieldErrors().forEach(error -> problems.add(new FieldProblem(prefix + error.getField(),
						error.getDefaultMessage())));
			}
			else {
				var name = result.getMethodParameter().getParameterName();
				var prefix = result.getContainerIndex() == null ? name : "[" + result.getContainerIndex() + "]";
				result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(prefix, error.getDefaultMessage())));
			}
		}
		return ResponseEntity.badRequest().body(invalid(summary(problems), problems));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var tooLarge = findCause(e, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
		}
		var tooSlow = findCause(e, RequestBodyTooSlowException.class);
		if (tooSlow != null) {
			return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(tooSlow(tooSlow));
		}
		var jackson = findCause(e, JacksonException.class);
		if (jackson == null) {
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is missing or is not valid JSON."));
		}
		var field = jackson.getPath().stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
		var message = describe(jackson);
		if (field.isEmpty()) {
			return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request", message));
		}
		return ResponseEntity.badRequest().body(invalid(field + ": " + message, List.of(new FieldProblem(field, message))));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError()) {
			log.error("Request failed", e);
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (DatabaseUnavailable.isCause(e)) {
			log.warn("Database unreachable: {}", e.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", DatabaseUnavailable.DETAIL));
		}
		log.error("Unexpected failure", e);
		return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				INTERNAL_ERROR));
	}

	private static String describe(JacksonException e) {
		if (e instanceof UnrecognizedPropertyException u) {
			return "is not a known field (known: " + u.getKnownPropertyIds() + ").";
		}
		if (e instanceof InvalidFormatException f) {
			var type = f.getTargetType();
			if (type != null && type.isEnum()) {
				return Quoted.of(f.getValue()) + " is not one of " + List.of(type.getEnumConstants()) + ".";
			}
			return Quoted.of(f.getValue()) + " is not a valid " + describe(type) + ".";
		}
		if (e instanceof MismatchedInputException m) {
			var type = m.getTargetType();
			if (type != null && type.isEnum()) {
				return "must be one of " + List.of(type.getEnumConstants()) + ".";
			}
			if (m.getOriginalMessage() != null && m.getOriginalMessage().contains("null")) {
				return "must not be null.";
			}
			return "must be " + article(describe(type)) + ".";
		}
		return "is not valid JSON here (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
				+ ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ").";
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean (true or false)";
		}
		if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
			return "ISO-8601 timestamp such as 2026-11-01T00:00:00Z";
		}
		if (type == java.time.LocalDate.class) {
			return "ISO-8601 date such as 2026-11-01";
		}
		if (type == String.class) {
			return "string";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "JSON object";
		}
		return type.getSimpleName();
	}

	private static String article(String noun) {
		return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
	}

	static ProblemDetail invalid(BindingResult result) {
		var problems = result.getFieldErrors().stream()
			.map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.collect(Collectors.toList());
		result.getGlobalErrors().forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return invalid(summary(problems), problems);
	}

	private static String summary(List<FieldProblem> problems) {
		return problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
				: problems.size() + " fields are invalid; see errors.";
	}

	static ProblemDetail invalid(String detail, List<FieldProblem> problems) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
		problem.setProperty("errors", problems.stream()
			.map(p -> new FieldProblem(Quoted.capped(p.field(), FIELD_LIMIT), Quoted.capped(p.message(), MESSAGE_LIMIT)))
			.toList());
		return problem;
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		// the last guard against echoing input at length, whichever message quoted it
		var problem = ProblemDetail.forStatusAndDetail(status, Quoted.capped(detail, MESSAGE_LIMIT));
		problem.setTitle(title);
		return problem;
	}

	private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}
}
