package dev.tandem.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import dev.tandem.problem.ConflictException;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.problem.PreconditionFailedException;

/**
 * Gives the domain's exceptions their status on pages too: a page controller that asks for a
 * KPI that does not exist shows the 404 page rather than a 500. JSON handlers are left to the
 * problem-details advice. The exception's message is not shown (it may name internals); the
 * error page explains the status in plain words.
 */
@Component
class PageExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Map<Class<? extends RuntimeException>, HttpStatus> STATUSES = Map.of(
			NotFoundException.class, HttpStatus.NOT_FOUND,
			ForbiddenException.class, HttpStatus.FORBIDDEN,
			ConflictException.class, HttpStatus.CONFLICT,
			InvalidInputException.class, HttpStatus.BAD_REQUEST,
			PreconditionFailedException.class, HttpStatus.PRECONDITION_FAILED);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception exception) {
		var status = STATUSES.entrySet().stream()
			.filter(entry -> entry.getKey().isInstance(exception))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (status == null || !(handler instanceof HandlerMethod method) || rendersBody(method)) {
			return null;
		}
		try {
			response.sendError(status.value());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ModelAndView();
	}

	/** Runs before Spring's own resolvers, which would otherwise turn these into 500s. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static boolean rendersBody(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
				|| method.hasMethodAnnotation(ResponseBody.class);
	}
}
