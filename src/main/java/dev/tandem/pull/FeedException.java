package dev.tandem.pull;

/** A source that could not be read or gave no number; the message says why, without any secret. */
class FeedException extends RuntimeException {

	FeedException(String message) {
		super(message);
	}
}
