package dev.tandem.kpi.web;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The KPI page's "record a value" form. A mutable form object rather than a record, so that a
 * value that does not parse is shown back as typed beside its message.
 */
public class MeasurementForm {

	@NotNull(message = "Enter the value, e.g. 97.5.")
	private Double value;

	@NotNull(message = "Enter when it was measured.")
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime at;

	@Size(max = 1000, message = "Keep the note under 1,000 characters.")
	private String note;

	static MeasurementForm at(LocalDateTime now) {
		var form = new MeasurementForm();
		form.setAt(now.withSecond(0).withNano(0));
		return form;
	}

	public Double getValue() {
		return value;
	}

	public void setValue(Double value) {
		this.value = value;
	}

	public LocalDateTime getAt() {
		return at;
	}

	public void setAt(LocalDateTime at) {
		this.at = at;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note == null || note.isBlank() ? null : note.strip();
	}
}
