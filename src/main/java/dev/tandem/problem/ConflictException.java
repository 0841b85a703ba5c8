package dev.tandem.problem;

/** The request clashes with the current state (a duplicate key, a stale version, a closed cycle): 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
