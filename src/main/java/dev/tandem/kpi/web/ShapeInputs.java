package dev.tandem.kpi.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import dev.tandem.kpi.Direction;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Thresholds;

/**
 * The KPI form's "when it is healthy" part: the shape, and each shape's own inputs, since a
 * threshold's target is not a trajectory's. The form shows one set at a time; the others keep
 * what was typed (switching back shows it) but only the chosen shape's reach the definition.
 * {@link KpiForm} extends it, so that the inputs keep their flat names (thresholdTarget,
 * bandTolerance, …) in the page, its anchors and its requests.
 */
public class ShapeInputs {

	private Shape shape;
	private Direction thresholdDirection;
	private Double thresholdTarget;
	private Double warning;
	private Double lower;
	private Double upper;
	private Double bandTolerance;
	private Direction trajectoryDirection;
	private Double baseline;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate baselineDate;
	private Double trajectoryTarget;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate targetDate;
	private Double trajectoryTolerance;

	/** A new KPI's: a threshold, higher is better (a trajectory too, should it be chosen). */
	void defaults() {
		shape = Shape.THRESHOLD;
		thresholdDirection = Direction.HIGHER_IS_BETTER;
		trajectoryDirection = Direction.HIGHER_IS_BETTER;
	}

	/** A KPI's shape, with its thresholds in that shape's inputs. */
	void fill(KpiView kpi) {
		fill(kpi.shape(), kpi.direction(), kpi.target(), kpi.warning(), kpi.lower(), kpi.upper(), kpi.tolerance(),
				kpi.baseline(), kpi.baselineDate(), kpi.targetDate());
	}

	/** A shape, with these thresholds (a KPI's own or a seasonal entry's) in that shape's inputs. */
	void fill(Shape shape, Direction direction, Double target, Double warning, Double lower, Double upper,
			Double tolerance, Double baseline, LocalDate baselineDate, LocalDate targetDate) {
		this.shape = shape;
		switch (shape) {
			case THRESHOLD -> {
				thresholdDirection = direction;
				thresholdTarget = target;
				this.warning = warning;
			}
			case BAND -> {
				this.lower = lower;
				this.upper = upper;
				bandTolerance = tolerance;
			}
			case TRAJECTORY -> {
				trajectoryDirection = direction;
				this.baseline = baseline;
				this.baselineDate = baselineDate;
				trajectoryTarget = target;
				this.targetDate = targetDate;
				trajectoryTolerance = tolerance;
			}
		}
	}

	/** The chosen shape's inputs as thresholds, the other shapes' left out; none without a shape. */
	Thresholds chosen() {
		if (shape == null) {
			return new Thresholds(null, null, null, null, null, null, null, null, null);
		}
		return switch (shape) {
			case THRESHOLD -> new Thresholds(thresholdDirection, thresholdTarget, warning, null, null, null, null, null, null);
			case BAND -> new Thresholds(null, null, null, lower, upper, bandTolerance, null, null, null);
			case TRAJECTORY -> new Thresholds(trajectoryDirection, trajectoryTarget, null, null, null, trajectoryTolerance,
					baseline, baselineDate, targetDate);
		};
	}

	/** The input for a threshold field the API names, for the chosen shape; null for a field that is no threshold's. */
	String thresholdInputFor(String field) {
		return switch (field) {
			case "direction" -> shape == Shape.TRAJECTORY ? "trajectoryDirection" : "thresholdDirection";
			case "target" -> shape == Shape.TRAJECTORY ? "trajectoryTarget" : "thresholdTarget";
			case "tolerance" -> shape == Shape.TRAJECTORY ? "trajectoryTolerance" : "bandTolerance";
			case "shape", "warning", "lower", "upper", "baseline", "baselineDate", "targetDate" -> field;
			default -> null;
		};
	}

	public Shape getShape() { return shape; }
	public void setShape(Shape shape) { this.shape = shape; }
	public Direction getThresholdDirection() { return thresholdDirection; }
	public void setThresholdDirection(Direction thresholdDirection) { this.thresholdDirection = thresholdDirection; }
	public Double getThresholdTarget() { return thresholdTarget; }
	public void setThresholdTarget(Double thresholdTarget) { this.thresholdTarget = thresholdTarget; }
	public Double getWarning() { return warning; }
	public void setWarning(Double warning) { this.warning = warning; }
	public Double getLower() { return lower; }
	public void setLower(Double lower) { this.lower = lower; }
	public Double getUpper() { return upper; }
	public void setUpper(Double upper) { this.upper = upper; }
	public Double getBandTolerance() { return bandTolerance; }
	public void setBandTolerance(Double bandTolerance) { this.bandTolerance = bandTolerance; }
	public Direction getTrajectoryDirection() { return trajectoryDirection; }
	public void setTrajectoryDirection(Direction trajectoryDirection) { this.trajectoryDirection = trajectoryDirection; }
	public Double getBaseline() { return baseline; }
	public void setBaseline(Double baseline) { this.baseline = baseline; }
	public LocalDate getBaselineDate() { return baselineDate; }
	public void setBaselineDate(LocalDate baselineDate) { this.baselineDate = baselineDate; }
	public Double getTrajectoryTarget() { return trajectoryTarget; }
	public void setTrajectoryTarget(Double trajectoryTarget) { this.trajectoryTarget = trajectoryTarget; }
	public LocalDate getTargetDate() { return targetDate; }
	public void setTargetDate(LocalDate targetDate) { this.targetDate = targetDate; }
	public Double getTrajectoryTolerance() { return trajectoryTolerance; }
	public void setTrajectoryTolerance(Double trajectoryTolerance) { this.trajectoryTolerance = trajectoryTolerance; }
}
