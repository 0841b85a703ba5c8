package dev.tandem.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tandem.problem.FieldProblem;

/**
 * The shape of every error the API answers with, for the description only: what
 * {@code ProblemDetailsAdvice} and the security's problems write (RFC 9457 plus {@code errors}).
 */
@Schema(name = "ProblemDetail", description = "An RFC 9457 problem detail, sent as application/problem+json.")
record ProblemDescription(
		@Schema(description = "A URI naming the kind of problem; about:blank when the status says it all",
				example = "about:blank") String type,
		@Schema(description = "A short summary of the kind of problem", example = "Invalid request") String title,
		@Schema(description = "The HTTP status code", example = "400") int status,
		@Schema(description = "What went wrong with this request, and what to fix",
				example = "target: must not be null") String detail,
		@Schema(description = "The request's path") String instance,
		@Schema(description = "For invalid input: each field to fix, with why",
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldProblem> errors) {
}
