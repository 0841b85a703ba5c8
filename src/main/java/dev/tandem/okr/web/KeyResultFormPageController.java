package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.MetricDirection;
import dev.tandem.okr.ObjectiveAdvice;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.org.Actor;
import dev.tandem.org.Assignments;
import dev.tandem.org.Permissions;

/**
 * Adding and editing an objective's key results, for the editors of its team, with the coach
 * checking the key result (among its siblings) as it is written. Invalid input comes back as
 * the form with each message at its input (422), nothing saved.
 */
@Controller
class KeyResultFormPageController {

	private final Objectives objectives;
	private final KeyResults keyResults;
	private final OkrEditing editing;
	private final Assignments assignments;
	private final ObjectiveAdvice advice;
	private final Permissions permissions;

	KeyResultFormPageController(Objectives objectives, KeyResults keyResults, OkrEditing editing,
			Assignments assignments, ObjectiveAdvice advice, Permissions permissions) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.editing = editing;
		this.assignments = assignments;
		this.advice = advice;
		this.permissions = permissions;
	}

	@GetMapping("/objectives/{id}/key-results/new")
	String create(@PathVariable long id, Model model) {
		var objective = editable(id);
		return form(KeyResultForm.empty(Actor.current()), objective, null, model);
	}

	@PostMapping("/objectives/{id}/key-results/new")
	String create(@PathVariable long id, @ModelAttribute("keyResultForm") KeyResultForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var objective = editable(id);
		var saved = editing.save(form.toInput(), errors, KeyResultForm::inputFor,
				() -> keyResults.create(id, form.toInput()));
		if (saved == null) {
			response.setStatus(422);
			return form(form, objective, null, model);
		}
		redirect.addFlashAttribute("notice", "Key result “" + saved.title() + "” added.");
		return "redirect:/objectives/" + id + "#key-results";
	}

	@GetMapping("/key-results/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var keyResult = keyResults.get(id);
		var objective = editable(keyResult.objectiveId());
		return form(KeyResultForm.of(keyResult), objective, keyResult, model);
	}

	@PostMapping("/key-results/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("keyResultForm") KeyResultForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var keyResult = keyResults.get(id);
		var objective = editable(keyResult.objectiveId());
		form.setType(keyResult.type());
		var saved = editing.save(form.toInput(), errors, KeyResultForm::inputFor,
				() -> keyResults.update(id, form.toInput(), form.getVersion()));
		if (saved == null) {
			response.setStatus(422);
			return form(form, objective, keyResult, model);
		}
		redirect.addFlashAttribute("notice", "Key result “" + saved.title() + "” saved.");
		return "redirect:/objectives/" + objective.id() + "#key-results";
	}

	/** The coach on the key result as it is written, beside its objective's other key results: a fragment for htmx. */
	@PostMapping("/key-results/coach")
	String coach(@RequestParam long objective, @RequestParam(required = false) Long keyResult,
			@ModelAttribute("keyResultForm") KeyResultForm form, BindingResult ignoredBindErrors, Model model) {
		var owner = objectives.get(objective);
		// the edit form does not offer the type: a key result keeps its own
		owner.keyResults().stream().filter(k -> keyResult != null && k.id() == keyResult).findFirst()
			.ifPresent(k -> form.setType(k.type()));
		model.addAttribute("findings", findings(owner, keyResult, form));
		return "okr/coach :: live";
	}

	private String form(KeyResultForm form, ObjectiveView objective, KeyResultView existing, Model model) {
		model.addAttribute("keyResultForm", form);
		model.addAttribute("objective", objective);
		model.addAttribute("existing", existing);
		model.addAttribute("types", KeyResultType.values());
		model.addAttribute("findings", findings(objective, existing == null ? null : existing.id(), form));
		return "okr/key-result-form";
	}

	private List<ObjectiveAdvice.Finding> findings(ObjectiveView objective, Long keyResultId, KeyResultForm form) {
		var all = new ArrayList<ObjectiveAdvice.Draft.KeyResult>();
		objective.keyResults().stream()
			.filter(k -> keyResultId == null || k.id() != keyResultId)
			.forEach(k -> all.add(ObjectiveAdvice.Draft.KeyResult.of(k)));
		if (form.getTitle() != null && !form.getTitle().isBlank()) {
			var input = form.toInput();
			var direction = input.baseline() == null || input.target() == null ? null
					: input.target() < input.baseline() ? MetricDirection.DECREASE : MetricDirection.INCREASE;
			all.add(new ObjectiveAdvice.Draft.KeyResult(input.title(), input.type(), input.owner(), input.baseline(),
					input.target(), input.kpi(), direction));
		}
		var guardrails = objective.guardrails().stream().map(g -> g.kpi()).toList();
		return advice.check(new ObjectiveAdvice.Draft(objective.title(), objective.owner(), all, guardrails));
	}

	private ObjectiveView editable(long objectiveId) {
		var objective = objectives.get(objectiveId);
		permissions.requireEditorOf(objective.teamId());
		return objective;
	}
}
