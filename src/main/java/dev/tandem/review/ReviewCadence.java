package dev.tandem.review;

/** How often a team holds its KPI review. */
public enum ReviewCadence {
	WEEKLY(7), BIWEEKLY(14);

	private final int days;

	ReviewCadence(int days) {
		this.days = days;
	}

	public int days() {
		return days;
	}
}
