package dev.tandem.problem;

/** A request body beyond the configured limit: 413. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(long limitBytes) {
		super("The request body is larger than the limit of " + limitBytes + " bytes; send it in smaller parts.");
	}
}
