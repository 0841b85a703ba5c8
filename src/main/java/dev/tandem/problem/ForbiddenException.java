package dev.tandem.problem;

/** The signed-in person may read this but not change it: 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}
