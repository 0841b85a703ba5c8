package dev.tandem.kpi.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import dev.tandem.kpi.KpiDefinition;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;

/**
 * Saving the KPI form the way the API saves a definition: the same bean validation, then the
 * same facade with its rules, each problem shown at the input it concerns. Also the other KPIs
 * the form offers as drivers (its teams and owners come from {@link dev.tandem.org.Assignments}).
 */
@Component
class KpiEditing {

	private final Kpis kpis;
	private final Validator validator;

	KpiEditing(Kpis kpis, Validator validator) {
		this.kpis = kpis;
		this.validator = validator;
	}

	List<KpiView> drivers(String except) {
		return kpis.list(null).stream()
			.filter(kpi -> !kpi.key().equals(except))
			.sorted(Comparator.comparing(KpiView::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * Validates and saves; returns the saved KPI, or null with the problems added to
	 * {@code errors} (nothing saved). Bind errors already in {@code errors} stop it before saving,
	 * but after validation has added its own messages.
	 */
	KpiView save(KpiForm form, BindingResult errors, Function<KpiDefinition, KpiView> saving) {
		// the API's bean validation runs even after a bind error, so that every message shows at once
		var definition = form.toDefinition();
		for (var violation : validator.validate(definition)) {
			var input = form.inputFor(violation.getPropertyPath().toString());
			if (input == null || !errors.hasFieldErrors(input)) {
				reject(form, errors, violation.getPropertyPath().toString(), violation.getMessage());
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		try {
			return saving.apply(definition);
		}
		catch (InvalidInputException e) {
			e.problems().forEach(problem -> reject(form, errors, problem.field(), problem.message()));
		}
		catch (ConflictException e) {
			if (e.getMessage().contains("already exists")) {
				errors.rejectValue("key", "taken", "another KPI already has this key; choose another");
			}
			else {
				errors.reject("conflict", "Someone else changed this KPI while you were editing it. Reload the page and apply your change again.");
			}
		}
		return null;
	}

	private static void reject(KpiForm form, BindingResult errors, String apiField, String message) {
		var input = form.inputFor(apiField);
		if (input == null) {
			errors.reject("invalid", apiField + ": " + message);
		}
		else {
			errors.rejectValue(input, "invalid", message);
		}
	}
}
