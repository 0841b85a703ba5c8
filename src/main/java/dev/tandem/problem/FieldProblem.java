package dev.tandem.problem;

/** One thing wrong with one field of a request: the {@code errors} entries of a problem. */
public record FieldProblem(String field, String message) {
}
