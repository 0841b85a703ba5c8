package dev.tandem.problem;

import java.util.List;

/** The request is malformed or breaks a rule of the domain: 400 with the list of fields to fix. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.isEmpty() ? "The request is invalid."
				: problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
						: problems.size() + " fields are invalid; see errors.");
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
