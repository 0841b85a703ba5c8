package dev.tandem.okr;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.tandem.problem.FieldProblem;

/** Reads a {@link NewCycle} in whichever of its three forms it came: a quarter, a year, or a custom period. */
final class CyclePeriods {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	/** Longer than this is a strategy, not a cycle. */
	static final long MAX_DAYS = 731;

	private CyclePeriods() {
	}

	record Period(String name, LocalDate start, LocalDate end) {
	}

	/** The period asked for, or the problems that stop it. */
	static Period resolve(NewCycle c, List<FieldProblem> problems) {
		int forms = (c.quarter() != null ? 1 : 0) + (c.year() != null ? 1 : 0)
				+ (c.start() != null || c.end() != null ? 1 : 0);
		if (forms != 1) {
			problems.add(new FieldProblem("start", forms == 0 ? "give a quarter (\"2026-Q4\"), a year (2026), or start and end"
					: "give only one of quarter, year, or start and end"));
			return null;
		}
		Period period;
		if (c.quarter() != null && !c.quarter().matches("^\\d{4}-Q[1-4]$")) {
			problems.add(new FieldProblem("quarter", "must look like 2026-Q4"));
			return null;
		}
		if (c.year() != null && (c.year() < EARLIEST.getYear() || c.year() > LATEST.getYear())) {
			problems.add(new FieldProblem("year", "must lie between " + EARLIEST.getYear() + " and " + LATEST.getYear()));
			return null;
		}
		if (c.quarter() != null) {
			int year = Integer.parseInt(c.quarter().substring(0, 4));
			int quarter = c.quarter().charAt(6) - '0';
			var start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
			period = new Period(c.quarter(), start, start.plusMonths(3).minusDays(1));
		}
		else if (c.year() != null) {
			period = new Period(String.valueOf(c.year()), LocalDate.of(c.year(), 1, 1), LocalDate.of(c.year(), 12, 31));
		}
		else {
			period = custom(c, problems);
			if (period == null) {
				return null;
			}
		}
		var name = c.name() == null || c.name().isBlank() ? period.name() : c.name().strip();
		return new Period(name, period.start(), period.end());
	}

	private static Period custom(NewCycle c, List<FieldProblem> problems) {
		var before = problems.size();
		if (c.name() == null || c.name().isBlank()) {
			problems.add(new FieldProblem("name", "is required for a custom period"));
		}
		if (c.start() == null) {
			problems.add(new FieldProblem("start", "is required with end"));
		}
		if (c.end() == null) {
			problems.add(new FieldProblem("end", "is required with start"));
		}
		sensible(problems, "start", c.start());
		sensible(problems, "end", c.end());
		if (c.start() != null && c.end() != null) {
			if (!c.end().isAfter(c.start())) {
				problems.add(new FieldProblem("end", "must be after start (the end date is the cycle's last day)"));
			}
			else if (ChronoUnit.DAYS.between(c.start(), c.end()) >= MAX_DAYS) {
				problems.add(new FieldProblem("end", "a cycle lasts at most two years"));
			}
		}
		return problems.size() > before ? null : new Period(c.name(), c.start(), c.end());
	}

	private static void sensible(List<FieldProblem> problems, String field, LocalDate day) {
		if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
			problems.add(new FieldProblem(field, "must lie between " + EARLIEST + " and " + LATEST));
		}
	}
}
