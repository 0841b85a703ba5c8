package dev.tandem.kpi;

/** Which way is better. */
public enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER;

	/** +1 when higher is better, -1 when lower is: multiplying by it makes "bigger is better". */
	public int sign() {
		return this == HIGHER_IS_BETTER ? 1 : -1;
	}
}
