package dev.tandem.kpi.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Shape;

/**
 * One row of the KPI form's seasonal thresholds: the date it applies from and the same shape
 * inputs as the KPI's own (the KPI's shape decides which count), so that a row's names in the
 * page are {@code seasonal[2].thresholdTarget} and the like. A row ticked for removal, or left
 * entirely empty, is not sent.
 */
public class SeasonalInputs extends ShapeInputs {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	private boolean remove;

	static SeasonalInputs blank() {
		var row = new SeasonalInputs();
		row.defaults();
		return row;
	}

	static SeasonalInputs of(Shape shape, KpiView.PeriodThresholdView p) {
		var row = blank();
		row.from = p.from();
		row.fill(shape, p.direction(), p.target(), p.warning(), p.lower(), p.upper(), p.tolerance(), p.baseline(),
				p.baselineDate(), p.targetDate());
		return row;
	}

	/** Nothing typed: no date and no value in any shape's inputs (a direction is always chosen). */
	boolean isBlank() {
		return from == null && getThresholdTarget() == null && getWarning() == null && getLower() == null
				&& getUpper() == null && getBandTolerance() == null && getBaseline() == null && getBaselineDate() == null
				&& getTrajectoryTarget() == null && getTargetDate() == null && getTrajectoryTolerance() == null;
	}

	/** The row as the API takes it, for the KPI's shape. */
	KpiDefinition.PeriodThresholds toEntry(Shape shape) {
		setShape(shape);
		var t = chosen();
		return new KpiDefinition.PeriodThresholds(from, t.direction(), t.target(), t.warning(), t.lower(), t.upper(),
				t.tolerance(), t.baseline(), t.baselineDate(), t.targetDate());
	}

	public LocalDate getFrom() { return from; }
	public void setFrom(LocalDate from) { this.from = from; }
	public boolean isRemove() { return remove; }
	public void setRemove(boolean remove) { this.remove = remove; }
}
