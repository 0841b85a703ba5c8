package dev.tandem.problem;

/** A request body arriving more slowly than the server waits for: 408. */
public class RequestBodyTooSlowException extends RuntimeException {

	public RequestBodyTooSlowException(long minBytesPerSecond, long graceSeconds) {
		super("The request body arrived too slowly: after the first " + graceSeconds + " seconds it must keep up "
				+ minBytesPerSecond + " bytes a second. Send it again, on a faster connection or in smaller parts.");
	}
}
