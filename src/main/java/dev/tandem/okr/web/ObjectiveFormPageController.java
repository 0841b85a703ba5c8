package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
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

import dev.tandem.okr.Commitment;
import dev.tandem.okr.ObjectiveAdvice;
import dev.tandem.okr.ObjectiveLevel;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Actor;
import dev.tandem.org.Assignments;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;
import dev.tandem.problem.ForbiddenException;

/**
 * Writing an objective, for the editors of its team: the form, with the coach's findings shown
 * (and fetched again by htmx) as it is written. Invalid input comes back as the form with each
 * message at its input (422), nothing saved; a saved objective redirects to its page.
 */
@Controller
class ObjectiveFormPageController {

	private final Objectives objectives;
	private final Okrs okrs;
	private final OkrEditing editing;
	private final Assignments assignments;
	private final ObjectiveAdvice advice;
	private final Permissions permissions;

	ObjectiveFormPageController(Objectives objectives, Okrs okrs, OkrEditing editing, Assignments assignments,
			ObjectiveAdvice advice, Permissions permissions) {
		this.objectives = objectives;
		this.okrs = okrs;
		this.editing = editing;
		this.assignments = assignments;
		this.advice = advice;
		this.permissions = permissions;
	}

	@GetMapping("/objectives/new")
	String create(@RequestParam(required = false) Long cycle, Model model) {
		var teams = requireSomeTeam();
		var chosen = cycle != null ? cycle : okrs.currentCycle().map(c -> c.id())
			.orElseGet(() -> editing.openCycles().stream().map(c -> c.id()).findFirst().orElse(null));
		return form(ObjectiveForm.empty(chosen, teams.get(0).key(), Actor.current()), null, model);
	}

	@PostMapping("/objectives/new")
	String create(@ModelAttribute("objectiveForm") ObjectiveForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		requireSomeTeam();
		keepTicked(form, errors, request);
		var saved = editing.save(form.toInput(), errors, ObjectiveForm::inputFor, () -> objectives.create(form.toInput()));
		if (saved == null) {
			response.setStatus(422);
			return form(form, null, model);
		}
		redirect.addFlashAttribute("notice", "Objective “" + saved.title() + "” created. Now add its key results.");
		return "redirect:/objectives/" + saved.id();
	}

	@GetMapping("/objectives/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var objective = editable(id);
		return form(ObjectiveForm.of(objective), objective, model);
	}

	@PostMapping("/objectives/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("objectiveForm") ObjectiveForm form, BindingResult errors,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var objective = editable(id);
		form.setCycle(objective.cycle());
		keepTicked(form, errors, request);
		var saved = editing.save(form.toInput(), errors, ObjectiveForm::inputFor,
				() -> objectives.update(id, form.toInput(), form.getVersion()));
		if (saved == null) {
			response.setStatus(422);
			return form(form, objective, model);
		}
		redirect.addFlashAttribute("notice", "Objective “" + saved.title() + "” saved.");
		return "redirect:/objectives/" + id;
	}

	/**
	 * When something typed into the "Add" picker is not a number, binding drops every
	 * contribution; the ticked ones are put back, so that the form shown again (with the message)
	 * does not lose them and a second submit does not remove them unasked.
	 */
	private static void keepTicked(ObjectiveForm form, BindingResult errors, HttpServletRequest request) {
		var values = request.getParameterValues("contributesTo");
		if (!errors.hasFieldErrors("contributesTo") || values == null) {
			return;
		}
		var ticked = new ArrayList<Long>();
		for (var value : values) {
			if (value.strip().matches("\\d{1,18}")) {
				ticked.add(Long.valueOf(value.strip()));
			}
		}
		form.setContributesTo(ticked);
	}

	/** The coach on the objective as it is written (nothing saved): the form's findings fragment, for htmx. */
	@PostMapping("/objectives/coach")
	String coach(@RequestParam(defaultValue = "") String title, @RequestParam(required = false) String owner,
			@RequestParam(required = false) Long id, Model model) {
		var existing = id == null ? null : objectives.get(id);
		model.addAttribute("findings", findings(title, owner, existing));
		return "okr/coach :: live";
	}

	private String form(ObjectiveForm form, ObjectiveView existing, Model model) {
		model.addAttribute("objectiveForm", form);
		model.addAttribute("existing", existing);
		model.addAttribute("teams", assignments.editableTeams());
		model.addAttribute("cycles", editing.openCycles());
		// the parent and the contributions are picked (GET /pickers/objectives), not listed: only the
		// chosen ones are read, to name them, however many objectives the cycle holds
		var chosen = new ArrayList<Long>(form.getContributesTo());
		if (form.getParentId() != null) {
			chosen.add(form.getParentId());
		}
		var names = objectives.names(chosen);
		var alignedNames = new HashMap<Long, String>();
		chosen.forEach(id -> alignedNames.put(id, names.containsKey(id) ? ObjectivePickerPageController.named(names.get(id))
				: "Objective " + id));
		model.addAttribute("alignedNames", alignedNames);
		model.addAttribute("objectivePicker", existing == null ? "/pickers/objectives"
				: "/pickers/objectives?cycle=" + existing.cycle() + "&except=" + existing.id());
		model.addAttribute("objectivePickerInclude", existing == null ? "#field-cycle" : null);
		model.addAttribute("levels", ObjectiveLevel.values());
		model.addAttribute("commitments", Commitment.values());
		model.addAttribute("states", ObjectiveState.values());
		model.addAttribute("findings", findings(form.getTitle(), form.getOwner(), existing));
		return "okr/objective-form";
	}

	/** The coach's checks on the objective as written, with the key results and guardrails it already has. */
	private List<ObjectiveAdvice.Finding> findings(String title, String owner, ObjectiveView existing) {
		if (title == null || title.isBlank()) {
			return List.of();
		}
		var keyResults = existing == null ? List.<ObjectiveAdvice.Draft.KeyResult>of() : existing.keyResults().stream()
			.map(ObjectiveAdvice.Draft.KeyResult::of)
			.toList();
		var guardrails = existing == null ? List.<String>of() : existing.guardrails().stream().map(g -> g.kpi()).toList();
		return advice.check(new ObjectiveAdvice.Draft(title.strip(), owner == null || owner.isBlank() ? null : owner,
				keyResults, guardrails));
	}

	private ObjectiveView editable(long id) {
		var objective = objectives.get(id);
		permissions.requireEditorOf(objective.teamId());
		return objective;
	}

	private List<TeamView> requireSomeTeam() {
		var teams = assignments.editableTeams();
		if (teams.isEmpty()) {
			throw new ForbiddenException("Only an administrator or a team's editor may write objectives.");
		}
		return teams;
	}
}
