package dev.tandem.problem;

/** An {@code If-Match} precondition did not hold: 412. */
public class PreconditionFailedException extends RuntimeException {

	public PreconditionFailedException(String message) {
		super(message);
	}
}
