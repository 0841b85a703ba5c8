package dev.tandem.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.tandem.problem.Quoted;

/** A row's cells read as numbers, dates and choices, each bad one added to the row's problems. */
final class Cells {

	private static final Pattern DECIMAL = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");

	private final SheetTable.Row row;
	private final ColumnMap columns;
	private final List<ImportProblem> problems;

	Cells(SheetTable.Row row, ColumnMap columns, List<ImportProblem> problems) {
		this.row = row;
		this.columns = columns;
		this.problems = problems;
	}

	int row() {
		return row.number();
	}

	void problem(String column, String message) {
		problems.add(new ImportProblem(row.number(), column, message));
	}

	String text(String field) {
		return columns.cell(row, field);
	}

	Double number(String field) {
		var text = text(field);
		if (text == null) {
			return null;
		}
		var plain = text.replace("\u00A0", "").replace(" ", "");
		if (!DECIMAL.matcher(plain).matches() || !Double.isFinite(Double.parseDouble(plain))) {
			problem(field, Quoted.of(text) + " is not a number (write it plainly, with a dot for decimals: 1234.5)");
			return null;
		}
		return Double.parseDouble(plain);
	}

	LocalDate date(String field) {
		var text = text(field);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			problem(field, Quoted.of(text) + " is not a date (write it as 2026-03-31)");
			return null;
		}
	}

	/** A choice written in any case, with spaces or hyphens for underscores ("Higher is better"). */
	<E extends Enum<E>> E choice(String field, Class<E> type) {
		var text = text(field);
		if (text == null) {
			return null;
		}
		var name = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		problem(field, Quoted.of(text) + " is not one of " + String.join(", ",
				Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		return null;
	}

	/** A list in one cell, separated by semicolons or commas. */
	List<String> list(String field) {
		var text = text(field);
		if (text == null) {
			return null;
		}
		return Arrays.stream(text.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
