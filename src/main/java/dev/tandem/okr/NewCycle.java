package dev.tandem.okr;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A cycle to create, in one of three forms: {@code {"quarter":"2026-Q4"}}, {@code {"year":2026}}
 * (each named after its period unless a name is given), or a custom period
 * {@code {"name", "start", "end"}} with an inclusive end date.
 */
public record NewCycle(@Size(max = 100) String name, LocalDate start, LocalDate end,
		@Pattern(regexp = "^\\d{4}-Q[1-4]$", message = "must look like 2026-Q4") String quarter,
		@Min(2000) @Max(2100) Integer year) {

	public static NewCycle quarter(String quarter) {
		return new NewCycle(null, null, null, quarter, null);
	}

	public static NewCycle custom(String name, LocalDate start, LocalDate end) {
		return new NewCycle(name, start, end, null, null);
	}
}
