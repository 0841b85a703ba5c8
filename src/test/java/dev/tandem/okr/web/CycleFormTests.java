package dev.tandem.okr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;

/** Which quarter the new cycle form offers, and what it reads of the chosen period. */
class CycleFormTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

	@Test
	void offersThisQuarterWhenThereAreNoCycles() {
		assertThat(CycleForm.next(List.of(), TODAY).getQuarter()).isEqualTo("2026-Q4");
		assertThat(CycleForm.next(List.of(), TODAY).getYear()).isEqualTo(2026);
	}

	@Test
	void offersTheQuarterAfterTheCycleThatEndsLast() {
		var cycles = List.of(cycle("2026-Q4", "2026-10-01", "2026-12-31"), cycle("2026-Q3", "2026-07-01", "2026-09-30"));
		assertThat(CycleForm.next(cycles, TODAY).getQuarter()).isEqualTo("2027-Q1");
		assertThat(CycleForm.next(cycles, TODAY).getYear()).isEqualTo(2027);
	}

	@Test
	void offersTheFirstQuarterThatStartsAfterACustomPeriodOrAYear() {
		assertThat(CycleForm.next(List.of(cycle("Sprint", "2026-11-01", "2027-02-14")), TODAY).getQuarter())
			.isEqualTo("2027-Q2");
		assertThat(CycleForm.next(List.of(cycle("2027", "2027-01-01", "2027-12-31")), TODAY).getQuarter())
			.isEqualTo("2028-Q1");
	}

	@Test
	void offersThisQuarterWhenEveryCycleIsLongPast() {
		assertThat(CycleForm.next(List.of(cycle("2024-Q1", "2024-01-01", "2024-03-31")), TODAY).getQuarter())
			.isEqualTo("2026-Q4");
	}

	@Test
	void readsOnlyTheChosenPeriodAndSaysWhatIsMissing() {
		var form = new CycleForm();
		form.setQuarter(" 2027-q1 ");
		form.setYear(2030);
		form.setName("Ignored for a quarter");
		assertThat(form.toNewCycle().quarter()).isEqualTo("2027-Q1");
		assertThat(form.toNewCycle().year()).isNull();
		assertThat(form.toNewCycle().name()).isNull();

		form.setPeriod(CycleForm.Period.CUSTOM);
		form.setName(" ");
		var errors = new BeanPropertyBindingResult(form, "cycleForm");
		form.requireChosenPeriod(errors);
		assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + ": " + e.getDefaultMessage())
			.containsExactly("name: is required", "start: is required", "end: is required");
		assertThat(form.toNewCycle().quarter()).isNull();
	}

	private static CycleView cycle(String name, String start, String end) {
		return new CycleView(1, name, LocalDate.parse(start), LocalDate.parse(end), CycleStatus.ACTIVE, false, 0.5, null,
				null, 0, null);
	}
}
