package dev.tandem.kpi.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;

/**
 * The create and edit KPI form. Each shape has its own inputs (a threshold's target is not a
 * trajectory's), so that the form can show one set at a time; {@link #toDefinition} keeps
 * only the chosen shape's and hands the API's own {@link KpiDefinition} to validation, so
 * that a page says exactly what the API would. Mutable, so that a value that does not parse
 * is shown back as typed.
 */
public class KpiForm {
	private String key;

	private String name;

	private String description;

	private String team;

	private String owner;

	private Unit unit;

	private String currency;

	private String formula;

	private Source source;

	private Frequency frequency;

	private Aggregation aggregation;

	private String category;

	private Indicator indicator;

	private List<String> drivers = new ArrayList<>();

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

	private Long version;

	static KpiForm empty(String owner) {
		var form = new KpiForm();
		form.setOwner(owner);
		form.setUnit(Unit.COUNT);
		form.setSource(Source.MANUAL);
		form.setFrequency(Frequency.WEEKLY);
		form.setAggregation(Aggregation.LAST);
		form.setIndicator(Indicator.LAGGING);
		form.setShape(Shape.THRESHOLD);
		form.setThresholdDirection(Direction.HIGHER_IS_BETTER);
		form.setTrajectoryDirection(Direction.HIGHER_IS_BETTER);
		return form;
	}

	static KpiForm of(KpiView kpi) {
		var form = new KpiForm();
		form.setKey(kpi.key());
		form.setName(kpi.name());
		form.setDescription(kpi.description());
		form.setTeam(kpi.team());
		form.setOwner(kpi.owner());
		form.setUnit(kpi.unit());
		form.setCurrency(kpi.currency());
		form.setFormula(kpi.formula());
		form.setSource(kpi.source());
		form.setFrequency(kpi.frequency());
		form.setAggregation(kpi.aggregation());
		form.setCategory(kpi.category());
		form.setIndicator(kpi.indicator());
		form.setDrivers(new ArrayList<>(kpi.drivers()));
		form.setShape(kpi.shape());
		form.setVersion(kpi.version());
		switch (kpi.shape()) {
			case THRESHOLD -> {
				form.setThresholdDirection(kpi.direction());
				form.setThresholdTarget(kpi.target());
				form.setWarning(kpi.warning());
			}
			case BAND -> {
				form.setLower(kpi.lower());
				form.setUpper(kpi.upper());
				form.setBandTolerance(kpi.tolerance());
			}
			case TRAJECTORY -> {
				form.setTrajectoryDirection(kpi.direction());
				form.setBaseline(kpi.baseline());
				form.setBaselineDate(kpi.baselineDate());
				form.setTrajectoryTarget(kpi.target());
				form.setTargetDate(kpi.targetDate());
				form.setTrajectoryTolerance(kpi.tolerance());
			}
		}
		return form;
	}

	/** The definition the API would receive, with only the chosen shape's fields and seasonal thresholds kept as they are. */
	KpiDefinition toDefinition(List<KpiDefinition.PeriodThresholds> seasonal) {
		var threshold = shape == Shape.THRESHOLD;
		var band = shape == Shape.BAND;
		var trajectory = shape == Shape.TRAJECTORY;
		return new KpiDefinition(blank(key), blank(name), blank(description), blank(team), blank(owner), unit,
				unit == Unit.CURRENCY ? blank(currency) : null, blank(formula), source, frequency, aggregation,
				blank(category), indicator, drivers == null ? List.of() : drivers.stream().filter(d -> !d.isBlank()).toList(),
				shape, threshold ? thresholdDirection : trajectory ? trajectoryDirection : null,
				threshold ? thresholdTarget : trajectory ? trajectoryTarget : null, threshold ? warning : null,
				band ? lower : null, band ? upper : null, band ? bandTolerance : trajectory ? trajectoryTolerance : null,
				trajectory ? baseline : null, trajectory ? baselineDate : null, trajectory ? targetDate : null,
				seasonal.isEmpty() ? null : seasonal, version);
	}

	/** The form's input for a field the API names, for the chosen shape ("target" is a threshold's or a trajectory's). */
	String inputFor(String apiField) {
		var field = apiField.replaceAll("\\[\\d+\\]$", "");
		return switch (field) {
			case "direction" -> shape == Shape.TRAJECTORY ? "trajectoryDirection" : "thresholdDirection";
			case "target" -> shape == Shape.TRAJECTORY ? "trajectoryTarget" : "thresholdTarget";
			case "tolerance" -> shape == Shape.TRAJECTORY ? "trajectoryTolerance" : "bandTolerance";
			case "key", "name", "description", "team", "owner", "unit", "currency", "formula", "source", "frequency",
					"aggregation", "category", "indicator", "drivers", "shape", "warning", "lower", "upper", "baseline",
					"baselineDate", "targetDate" -> field;
			default -> null;
		};
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public String getKey() {
		return key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getTeam() {
		return team;
	}

	public void setTeam(String team) {
		this.team = team;
	}

	public String getOwner() {
		return owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	public Unit getUnit() {
		return unit;
	}

	public void setUnit(Unit unit) {
		this.unit = unit;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getFormula() {
		return formula;
	}

	public void setFormula(String formula) {
		this.formula = formula;
	}

	public Source getSource() {
		return source;
	}

	public void setSource(Source source) {
		this.source = source;
	}

	public Frequency getFrequency() {
		return frequency;
	}

	public void setFrequency(Frequency frequency) {
		this.frequency = frequency;
	}

	public Aggregation getAggregation() {
		return aggregation;
	}

	public void setAggregation(Aggregation aggregation) {
		this.aggregation = aggregation;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public Indicator getIndicator() {
		return indicator;
	}

	public void setIndicator(Indicator indicator) {
		this.indicator = indicator;
	}

	public List<String> getDrivers() {
		return drivers;
	}

	public void setDrivers(List<String> drivers) {
		this.drivers = drivers;
	}

	public Shape getShape() {
		return shape;
	}

	public void setShape(Shape shape) {
		this.shape = shape;
	}

	public Direction getThresholdDirection() {
		return thresholdDirection;
	}

	public void setThresholdDirection(Direction thresholdDirection) {
		this.thresholdDirection = thresholdDirection;
	}

	public Double getThresholdTarget() {
		return thresholdTarget;
	}

	public void setThresholdTarget(Double thresholdTarget) {
		this.thresholdTarget = thresholdTarget;
	}

	public Double getWarning() {
		return warning;
	}

	public void setWarning(Double warning) {
		this.warning = warning;
	}

	public Double getLower() {
		return lower;
	}

	public void setLower(Double lower) {
		this.lower = lower;
	}

	public Double getUpper() {
		return upper;
	}

	public void setUpper(Double upper) {
		this.upper = upper;
	}

	public Double getBandTolerance() {
		return bandTolerance;
	}

	public void setBandTolerance(Double bandTolerance) {
		this.bandTolerance = bandTolerance;
	}

	public Direction getTrajectoryDirection() {
		return trajectoryDirection;
	}

	public void setTrajectoryDirection(Direction trajectoryDirection) {
		this.trajectoryDirection = trajectoryDirection;
	}

	public Double getBaseline() {
		return baseline;
	}

	public void setBaseline(Double baseline) {
		this.baseline = baseline;
	}

	public LocalDate getBaselineDate() {
		return baselineDate;
	}

	public void setBaselineDate(LocalDate baselineDate) {
		this.baselineDate = baselineDate;
	}

	public Double getTrajectoryTarget() {
		return trajectoryTarget;
	}

	public void setTrajectoryTarget(Double trajectoryTarget) {
		this.trajectoryTarget = trajectoryTarget;
	}

	public LocalDate getTargetDate() {
		return targetDate;
	}

	public void setTargetDate(LocalDate targetDate) {
		this.targetDate = targetDate;
	}

	public Double getTrajectoryTolerance() {
		return trajectoryTolerance;
	}

	public void setTrajectoryTolerance(Double trajectoryTolerance) {
		this.trajectoryTolerance = trajectoryTolerance;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
