package dev.tandem.okr.web;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;

/**
 * Saving the OKR forms (cycles, objectives, key results) the way the API saves their input: the
 * same bean validation, then the same facade with its rules, each problem shown at the input it
 * concerns (or above the form when no input matches, as a refusal such as a taken name is).
 * Also which cycles the forms offer.
 */
@Component
class OkrEditing {

	private final Cycles cycles;
	private final Validator validator;

	OkrEditing(Cycles cycles, Validator validator) {
		this.cycles = cycles;
		this.validator = validator;
	}

	List<CycleView> openCycles() {
		return cycles.list().stream().filter(c -> c.status() != CycleStatus.CLOSED).toList();
	}

	/**
	 * Validates and saves; returns what was saved, or null with the problems added to
	 * {@code errors} (nothing saved). Bind errors (a number that does not parse) stop it before
	 * saving, after validation has added its own messages, so that every message shows at once.
	 */
	<T> T save(Object input, BindingResult errors, UnaryOperator<String> inputFor, Supplier<T> saving) {
		for (var violation : validator.validate(input)) {
			var path = violation.getPropertyPath().toString();
			var field = inputFor.apply(path.replaceAll("\\[\\d+].*$", ""));
			if (field == null) {
				errors.reject("invalid", path + ": " + violation.getMessage());
			}
			else if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, "invalid", words(violation.getMessage()));
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		try {
			return saving.get();
		}
		catch (InvalidInputException e) {
			for (var problem : e.problems()) {
				var field = inputFor.apply(problem.field());
				if (field == null) {
					errors.reject("invalid", problem.field() + ": " + problem.message());
				}
				else {
					errors.rejectValue(field, "invalid", problem.message());
				}
			}
		}
		catch (ConflictException e) {
			errors.reject("conflict", e.getMessage());
		}
		return null;
	}

	/** Bean validation's defaults, as a form says them. */
	private static String words(String message) {
		return message.equals("must not be null") || message.equals("must not be blank") ? "is required" : message;
	}
}
