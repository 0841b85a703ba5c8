package dev.tandem.okr.web;

import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.okr.OkrFormat;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;

/**
 * Deleting an objective or a key result, for the editors of its team: a page that says what
 * goes with it, then the deletion itself through the same facade as {@code DELETE} in the API
 * (same rules, same audit trail). A deletion the facade refuses — the cycle is closed, other
 * objectives align to this one — is reported on the objective's page, nothing deleted.
 */
@Controller
class OkrDeletionPageController {

	private static final String FINAL = "The deletion is kept in the audit trail; it cannot be undone.";

	private final Objectives objectives;
	private final KeyResults keyResults;
	private final Permissions permissions;

	OkrDeletionPageController(Objectives objectives, KeyResults keyResults, Permissions permissions) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.permissions = permissions;
	}

	@GetMapping("/objectives/{id}/delete")
	String confirmObjective(@PathVariable long id, Model model) {
		var objective = objectives.get(id);
		permissions.requireEditorOf(objective.teamId());
		int checkIns = objective.keyResults().stream().mapToInt(KeyResultView::checkIns).sum();
		var linked = objective.keyResults().stream().map(KeyResultView::kpi).filter(Objects::nonNull).distinct().toList();
		var confirmation = Confirmation.of("Delete " + objective.title(), "Delete “" + objective.title() + "”?")
			.crumb("OKRs · " + objective.cycleName(), "/okrs?cycle=" + objective.cycle())
			.crumb(objective.title(), "/objectives/" + id)
			.eyebrow("Objective of " + objective.team() + " in " + objective.cycleName())
			.consequence(objective.keyResults().isEmpty() ? "It has no key results yet."
					: "Deleted with it: its " + OkrFormat.count(objective.keyResults().size(), "key result") + " and their "
							+ OkrFormat.count(checkIns, "check-in") + ".")
			.consequence(FINAL);
		if (!linked.isEmpty()) {
			confirmation.consequence("The KPIs it is improving (" + String.join(", ", linked)
					+ ") go back to being monitored.");
		}
		var dependants = objectives.dependantTitles(id);
		if (objective.frozen()) {
			confirmation.refusal(closed(objective));
		}
		else if (!dependants.isEmpty()) {
			// say so before the button, not after it: the facade would refuse the deletion anyway
			confirmation.refusal(Objectives.dependantsRefusal(dependants, "this one"));
		}
		model.addAttribute("confirm", confirmation.danger("Delete objective", "/objectives/" + id + "/delete",
				"/objectives/" + id));
		return "okr/confirm";
	}

	@PostMapping("/objectives/{id}/delete")
	String deleteObjective(@PathVariable long id, RedirectAttributes redirect) {
		var objective = objectives.get(id);
		try {
			objectives.delete(id);
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("alert", "Nothing was deleted: " + refused.getMessage());
			return "redirect:/objectives/" + id;
		}
		redirect.addFlashAttribute("notice", "Objective “" + objective.title() + "” deleted"
				+ (objective.keyResults().isEmpty() ? "." : ", with its " + OkrFormat.count(objective.keyResults().size(), "key result") + "."));
		return "redirect:/okrs?cycle=" + objective.cycle();
	}

	@GetMapping("/key-results/{id}/delete")
	String confirmKeyResult(@PathVariable long id, Model model) {
		var keyResult = keyResults.get(id);
		var objective = objectives.get(keyResult.objectiveId());
		permissions.requireEditorOf(objective.teamId());
		var confirmation = Confirmation.of("Delete " + keyResult.title(), "Delete “" + keyResult.title() + "”?")
			.crumb("OKRs · " + objective.cycleName(), "/okrs?cycle=" + objective.cycle())
			.crumb(objective.title(), "/objectives/" + objective.id())
			.eyebrow("Key result of “" + objective.title() + "”")
			.consequence(keyResult.checkIns() == 0 ? "It has no check-ins yet."
					: "Deleted with it: its " + OkrFormat.count(keyResult.checkIns(), "check-in") + ".")
			.consequence("The objective's score is then the weighted mean of its other key results.")
			.consequence(FINAL);
		if (keyResult.kpi() != null) {
			confirmation.consequence("The KPI " + keyResult.kpi() + " no longer follows it and goes back to being monitored.");
		}
		if (objective.frozen()) {
			confirmation.refusal(closed(objective));
		}
		model.addAttribute("confirm", confirmation.danger("Delete key result", "/key-results/" + id + "/delete",
				"/objectives/" + objective.id() + "#key-results"));
		return "okr/confirm";
	}

	@PostMapping("/key-results/{id}/delete")
	String deleteKeyResult(@PathVariable long id, RedirectAttributes redirect) {
		var keyResult = keyResults.get(id);
		try {
			keyResults.delete(id);
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("alert", "Nothing was deleted: " + refused.getMessage());
			return "redirect:/objectives/" + keyResult.objectiveId();
		}
		redirect.addFlashAttribute("notice", "Key result “" + keyResult.title() + "” deleted.");
		return "redirect:/objectives/" + keyResult.objectiveId() + "#key-results";
	}

	private static String closed(ObjectiveView objective) {
		return "The cycle " + objective.cycleName() + " is closed: its objectives and key results are graded and can "
				+ "no longer change, nor be deleted.";
	}
}
