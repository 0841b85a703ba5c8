package dev.tandem.okr.web;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

import dev.tandem.okr.CycleChange;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.NewCycle;

/**
 * The cycle form: a new cycle as a quarter, a year or custom dates (the API's three forms of
 * {@link NewCycle}), or an existing cycle's new name and dates ({@link CycleChange}). Mutable,
 * so that a value that does not parse is shown back as typed beside its message. Only the
 * chosen period's inputs are read; the others may hold anything.
 */
public class CycleForm {

	/** Which of the three forms of a new cycle the person chose. */
	public enum Period {
		QUARTER, YEAR, CUSTOM
	}

	private Period period = Period.QUARTER;
	private String quarter;
	private Integer year;
	private String name;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate start;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate end;
	private Long version;

	/**
	 * A new cycle, offered as the first quarter that starts after every existing cycle has ended,
	 * or this quarter if that is later (no cycles yet, or only past ones): the next one to plan.
	 */
	static CycleForm next(List<CycleView> cycles, LocalDate today) {
		var thisQuarter = firstDayOfQuarter(today);
		var quarterStart = cycles.stream().map(CycleView::end).max(Comparator.naturalOrder())
			.map(end -> {
				var day = end.plusDays(1);
				var first = firstDayOfQuarter(day);
				return first.isBefore(day) ? first.plusMonths(3) : first;
			})
			.filter(first -> first.isAfter(thisQuarter))
			.orElse(thisQuarter);
		var form = new CycleForm();
		form.quarter = quarterName(quarterStart);
		form.year = quarterStart.getYear();
		return form;
	}

	static CycleForm of(CycleView cycle) {
		var form = new CycleForm();
		form.period = Period.CUSTOM;
		form.name = cycle.name();
		form.start = cycle.start();
		form.end = cycle.end();
		form.version = cycle.version();
		return form;
	}

	static String quarterName(LocalDate day) {
		return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
	}

	private static LocalDate firstDayOfQuarter(LocalDate day) {
		return day.with(IsoFields.DAY_OF_QUARTER, 1);
	}

	/**
	 * Says which of the chosen period's inputs are missing, each at its input, so that an empty
	 * form is told what to fill in rather than the API's "give a quarter, a year, or start and end".
	 * A value that did not parse is already an error of its own and is not called missing.
	 */
	void requireChosenPeriod(BindingResult errors) {
		switch (period == null ? Period.QUARTER : period) {
			case QUARTER -> required(errors, "quarter", blankToNull(quarter));
			case YEAR -> required(errors, "year", year);
			case CUSTOM -> requireNameAndDates(errors);
		}
	}

	/** The name and both dates: a custom period and every change of a cycle need all three. */
	void requireNameAndDates(BindingResult errors) {
		required(errors, "name", blankToNull(name));
		required(errors, "start", start);
		required(errors, "end", end);
	}

	private static void required(BindingResult errors, String field, Object value) {
		if (value == null && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "required", "is required");
		}
	}

	/** The new cycle in the chosen form; a quarter or a year is named after its period (it may be renamed later). */
	NewCycle toNewCycle() {
		return switch (period == null ? Period.QUARTER : period) {
			case QUARTER -> NewCycle.quarter(quarter == null || quarter.isBlank() ? null
					: quarter.strip().toUpperCase(Locale.ROOT));
			case YEAR -> new NewCycle(null, null, null, null, year);
			case CUSTOM -> NewCycle.custom(blankToNull(name), start, end);
		};
	}

	CycleChange toChange() {
		return new CycleChange(blankToNull(name), start, end, version);
	}

	/** The form's input for a field the API names; null when it has none. */
	static String inputFor(String apiField) {
		return List.of("name", "start", "end", "quarter", "year").contains(apiField) ? apiField : null;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public Period getPeriod() { return period; }
	public void setPeriod(Period period) { this.period = period; }
	public String getQuarter() { return quarter; }
	public void setQuarter(String quarter) { this.quarter = quarter; }
	public Integer getYear() { return year; }
	public void setYear(Integer year) { this.year = year; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public LocalDate getStart() { return start; }
	public void setStart(LocalDate start) { this.start = start; }
	public LocalDate getEnd() { return end; }
	public void setEnd(LocalDate end) { this.end = end; }
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
}
