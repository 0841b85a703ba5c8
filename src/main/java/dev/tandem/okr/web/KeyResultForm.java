package dev.tandem.okr.web;

import java.util.List;

import dev.tandem.okr.KeyResultInput;
import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.KeyResultView;

/**
 * The key result form, a mutable form object for the same reason as {@link ObjectiveForm};
 * it becomes the API's {@link KeyResultInput}. {@code kpi} empty means "not linked".
 */
public class KeyResultForm {

	private String title;
	private KeyResultType type = KeyResultType.METRIC;
	private String owner;
	private Double weight = 1.0;
	private Double baseline;
	private Double target;
	private String unit;
	private String kpi;
	private Long version;

	static KeyResultForm empty(String owner) {
		var form = new KeyResultForm();
		form.owner = owner;
		return form;
	}

	static KeyResultForm of(KeyResultView k) {
		var form = new KeyResultForm();
		form.title = k.title();
		form.type = k.type();
		form.owner = k.owner();
		form.weight = k.weight();
		form.baseline = k.baseline();
		form.target = k.target();
		form.unit = k.unit();
		form.kpi = k.kpi();
		form.version = k.version();
		return form;
	}

	KeyResultInput toInput() {
		boolean metric = type != KeyResultType.MILESTONE;
		return new KeyResultInput(title == null ? null : title.strip(), type, blank(owner) ? null : owner.strip(), weight,
				metric ? baseline : null, metric ? target : null, metric && !blank(unit) ? unit.strip() : null,
				metric && !blank(kpi) ? kpi.strip() : null, version);
	}

	static String inputFor(String apiField) {
		return List.of("title", "type", "owner", "weight", "baseline", "target", "unit", "kpi").contains(apiField)
				? apiField : null;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public KeyResultType getType() { return type; }
	public void setType(KeyResultType type) { this.type = type; }
	public String getOwner() { return owner; }
	public void setOwner(String owner) { this.owner = owner; }
	public Double getWeight() { return weight; }
	public void setWeight(Double weight) { this.weight = weight; }
	public Double getBaseline() { return baseline; }
	public void setBaseline(Double baseline) { this.baseline = baseline; }
	public Double getTarget() { return target; }
	public void setTarget(Double target) { this.target = target; }
	public String getUnit() { return unit; }
	public void setUnit(String unit) { this.unit = unit; }
	public String getKpi() { return kpi; }
	public void setKpi(String kpi) { this.kpi = kpi; }
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
}
