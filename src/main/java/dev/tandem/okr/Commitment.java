package dev.tandem.okr;

/** A committed objective is expected to be met in full; for an aspirational one 0.7 is success. */
public enum Commitment {
	COMMITTED(1.0), ASPIRATIONAL(0.7);

	private final double expectedAtEnd;

	Commitment(double expectedAtEnd) {
		this.expectedAtEnd = expectedAtEnd;
	}

	/** The score that counts as success by the end of the cycle. */
	public double expectedAtEnd() {
		return expectedAtEnd;
	}
}
