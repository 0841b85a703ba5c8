package dev.tandem.kpi.web;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.KpiPull;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;

/**
 * The create and edit KPI form: what the KPI is and how it is measured here, when it is healthy
 * in {@link ShapeInputs}. {@link #toDefinition} hands the API's own {@link KpiDefinition} to
 * validation, so that a page says exactly what the API would, and {@link #inputFor} shows each
 * of the API's messages at its input. Mutable, so that a value that does not parse is shown
 * back as typed.
 */
public class KpiForm extends ShapeInputs {

	private String key;
	private String name;
	private String description;
	private String team;
	private String owner;
	private Unit unit;
	private String currency;
	private Double min;
	private Double max;
	private String formula;
	private Source source;
	private Frequency frequency;
	private Aggregation aggregation;
	private String category;
	private Indicator indicator;
	private List<String> drivers = new ArrayList<>();
	private List<SeasonalInputs> seasonal = new ArrayList<>();
	private Long version;
	/** A PULL KPI's settings (see {@link KpiPull}); sent only with source PULL. */
	private String pullConnection;
	private String pullQuery;
	private String pullValuePath;
	private String pullTimePath;
	private String pullSchedule;
	/** For each seasonal entry sent in the last definition, the form row it came from. */
	private List<Integer> sentRows = List.of();

	static KpiForm empty(String owner) {
		var form = new KpiForm();
		form.owner = owner;
		form.unit = Unit.COUNT;
		form.source = Source.MANUAL;
		form.frequency = Frequency.WEEKLY;
		form.aggregation = Aggregation.LAST;
		form.indicator = Indicator.LAGGING;
		form.defaults();
		return form;
	}

	static KpiForm of(KpiView kpi) {
		var form = new KpiForm();
		form.key = kpi.key();
		form.name = kpi.name();
		form.description = kpi.description();
		form.team = kpi.team();
		form.owner = kpi.owner();
		form.unit = kpi.unit();
		form.currency = kpi.currency();
		form.min = kpi.min();
		form.max = kpi.max();
		form.formula = kpi.formula();
		form.source = kpi.source();
		form.frequency = kpi.frequency();
		form.aggregation = kpi.aggregation();
		form.category = kpi.category();
		form.indicator = kpi.indicator();
		form.drivers = new ArrayList<>(kpi.drivers());
		form.seasonal = new ArrayList<>(kpi.thresholdsByPeriod().stream().map(p -> SeasonalInputs.of(kpi.shape(), p)).toList());
		form.version = kpi.version();
		if (kpi.pull() != null) {
			form.pullConnection = kpi.pull().connection();
			form.pullQuery = kpi.pull().query();
			form.pullValuePath = kpi.pull().valuePath();
			form.pullTimePath = kpi.pull().timePath();
			form.pullSchedule = kpi.pull().schedule();
		}
		form.fill(kpi);
		return form;
	}

	/** Adds an empty seasonal row to fill in. */
	void addSeasonal() {
		seasonal.add(SeasonalInputs.blank());
	}

	/**
	 * The definition the API would receive, with only the chosen shape's fields, its own and in
	 * each seasonal row; rows ticked for removal or left empty are left out, so that saving
	 * replaces the KPI's seasonal thresholds with exactly the rows shown.
	 */
	KpiDefinition toDefinition() {
		var t = chosen();
		var entries = new ArrayList<KpiDefinition.PeriodThresholds>();
		var rows = new ArrayList<Integer>();
		for (int i = 0; i < seasonal.size(); i++) {
			var row = seasonal.get(i);
			if (row != null && !row.isRemove() && !row.isBlank()) {
				entries.add(row.toEntry(getShape()));
				rows.add(i);
			}
		}
		sentRows = rows;
		return new KpiDefinition(blank(key), blank(name), blank(description), blank(team), blank(owner), unit,
				unit == Unit.CURRENCY ? blank(currency) : null, min, max, blank(formula), source, frequency, aggregation,
				blank(category), indicator, drivers == null ? List.of() : drivers.stream().filter(d -> !d.isBlank()).toList(),
				getShape(), t.direction(), t.target(), t.warning(), t.lower(), t.upper(), t.tolerance(), t.baseline(),
				t.baselineDate(), t.targetDate(), entries.isEmpty() ? null : entries, version,
				source == Source.PULL ? new KpiPull(blank(pullConnection), blank(pullQuery), blank(pullValuePath),
						blank(pullTimePath), blank(pullSchedule)) : null);
	}

	/** The form's input for a field the API names ("drivers[2]" is the drivers'); null when none shows it. */
	String inputFor(String apiField) {
		var entry = java.util.regex.Pattern.compile("^thresholdsByPeriod\\[(\\d+)\\](?:\\.(.+))?$").matcher(apiField);
		if (entry.matches()) {
			int index = Integer.parseInt(entry.group(1));
			if (index >= sentRows.size()) {
				return null;
			}
			int row = sentRows.get(index);
			var sub = entry.group(2);
			var input = sub == null ? null : sub.equals("from") ? "from" : seasonal.get(row).thresholdInputFor(sub);
			return input == null ? null : "seasonal[" + row + "]." + input;
		}
		var field = apiField.replaceAll("\\[\\d+\\]$", "");
		if (field.startsWith("pull")) {
			return switch (field) {
				case "pull.connection" -> "pullConnection";
				case "pull.valuePath" -> "pullValuePath";
				case "pull.timePath" -> "pullTimePath";
				case "pull.schedule" -> "pullSchedule";
				default -> "pullQuery";
			};
		}
		return switch (field) {
			case "key", "name", "description", "team", "owner", "unit", "currency", "min", "max", "formula", "source", "frequency",
					"aggregation", "category", "indicator", "drivers" -> field;
			default -> thresholdInputFor(field);
		};
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public String getKey() { return key; }
	public void setKey(String key) { this.key = key; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getDescription() { return description; }
	public void setDescription(String description) { this.description = description; }
	public String getTeam() { return team; }
	public void setTeam(String team) { this.team = team; }
	public String getOwner() { return owner; }
	public void setOwner(String owner) { this.owner = owner; }
	public Unit getUnit() { return unit; }
	public void setUnit(Unit unit) { this.unit = unit; }
	public String getCurrency() { return currency; }
	public void setCurrency(String currency) { this.currency = currency; }
	public Double getMin() { return min; }
	public void setMin(Double min) { this.min = min; }
	public Double getMax() { return max; }
	public void setMax(Double max) { this.max = max; }
	public String getFormula() { return formula; }
	public void setFormula(String formula) { this.formula = formula; }
	public Source getSource() { return source; }
	public void setSource(Source source) { this.source = source; }
	public Frequency getFrequency() { return frequency; }
	public void setFrequency(Frequency frequency) { this.frequency = frequency; }
	public Aggregation getAggregation() { return aggregation; }
	public void setAggregation(Aggregation aggregation) { this.aggregation = aggregation; }
	public String getCategory() { return category; }
	public void setCategory(String category) { this.category = category; }
	public Indicator getIndicator() { return indicator; }
	public void setIndicator(Indicator indicator) { this.indicator = indicator; }
	public List<String> getDrivers() { return drivers; }
	public void setDrivers(List<String> drivers) { this.drivers = drivers; }
	public List<SeasonalInputs> getSeasonal() { return seasonal; }
	public void setSeasonal(List<SeasonalInputs> seasonal) { this.seasonal = seasonal; }
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
	public String getPullConnection() { return pullConnection; }
	public void setPullConnection(String pullConnection) { this.pullConnection = pullConnection; }
	public String getPullQuery() { return pullQuery; }
	public void setPullQuery(String pullQuery) { this.pullQuery = pullQuery; }
	public String getPullValuePath() { return pullValuePath; }
	public void setPullValuePath(String pullValuePath) { this.pullValuePath = pullValuePath; }
	public String getPullTimePath() { return pullTimePath; }
	public void setPullTimePath(String pullTimePath) { this.pullTimePath = pullTimePath; }
	public String getPullSchedule() { return pullSchedule; }
	public void setPullSchedule(String pullSchedule) { this.pullSchedule = pullSchedule; }
}
