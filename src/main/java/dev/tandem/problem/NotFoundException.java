package dev.tandem.problem;

/** A resource the request names does not exist: 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super("No " + what + " " + Quoted.of(id) + " exists.");
	}
}
