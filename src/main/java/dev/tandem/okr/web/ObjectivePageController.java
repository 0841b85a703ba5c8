package dev.tandem.okr.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.okr.CheckIns;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.ObjectiveAdvice;
import dev.tandem.okr.Objectives;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;

/**
 * One objective's page: its key results with forecasts, guardrails and their alerts, alignment,
 * check-ins and changes (htmx pages through them), the coach's findings, and for those who may:
 * activate, set guardrails, carry over, write the retrospective. The alerts, the coach and the
 * proposal it was drafted from are the loop's, asked through {@link ObjectiveAdvice}.
 */
@Controller
class ObjectivePageController {

	static final int ALERTS_SHOWN = 20;

	private final Objectives objectives;
	private final Cycles cycles;
	private final CheckIns checkIns;
	private final ObjectivePage details;
	private final ObjectiveAdvice advice;
	private final Organisation organisation;
	private final Permissions permissions;

	ObjectivePageController(Objectives objectives, Cycles cycles, CheckIns checkIns, ObjectivePage details,
			ObjectiveAdvice advice, Organisation organisation, Permissions permissions) {
		this.objectives = objectives;
		this.cycles = cycles;
		this.checkIns = checkIns;
		this.details = details;
		this.advice = advice;
		this.organisation = organisation;
		this.permissions = permissions;
	}

	@GetMapping("/objectives/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model) {
		var objective = objectives.get(id);
		model.addAttribute("objective", objective);
		if ("objective-check-ins".equals(htmxTarget)) {
			model.addAttribute("checkIns", details.checkIns(objective, page));
			return "okr/objective :: check-ins";
		}
		if ("objective-changes".equals(htmxTarget)) {
			model.addAttribute("changes", details.changes(objective, page));
			return "okr/objective :: changes";
		}
		var cycle = cycles.get(objective.cycle());
		var owner = organisation.findPerson(objective.owner()).orElse(null);
		boolean open = cycle.status() != CycleStatus.CLOSED;
		model.addAttribute("cycle", cycle);
		model.addAttribute("team", organisation.findTeam(objective.teamId()).orElse(null));
		model.addAttribute("ownerName", owner == null ? objective.owner() : owner.displayName());
		model.addAttribute("mayEdit", open && permissions.mayEdit(objective.teamId()));
		model.addAttribute("mayRetro", permissions.mayRecord(objective.teamId(), owner == null ? null : owner.id()));
		model.addAttribute("rubric", checkIns.rubric());
		model.addAttribute("forecasts", details.forecasts(objective));
		model.addAttribute("checkIns", details.checkIns(objective, page));
		model.addAttribute("changes", details.changes(objective, page));
		model.addAttribute("alerts", advice.openAlerts(id, ALERTS_SHOWN));
		model.addAttribute("findings", advice.findings(id));
		model.addAttribute("origin", advice.origin(id).orElse(null));
		model.addAttribute("parent", details.link(objective.parentId()).orElse(null));
		model.addAttribute("contributesTo", details.links(objective.contributesTo()));
		model.addAttribute("carriedFrom", details.link(objective.carriedFrom()).orElse(null));
		model.addAttribute("carriedInto", details.links(objective.carriedInto()));
		model.addAttribute("below", details.below(objective));
		var later = laterCycles(cycle);
		model.addAttribute("laterCycles", later);
		model.addAttribute("mayCarry", !later.isEmpty() && permissions.mayEdit(objective.teamId()));
		model.addAttribute("guarded", objective.guardrails().stream().map(g -> g.kpi()).toList());
		return "okr/objective";
	}

	@PostMapping("/objectives/{id}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> "Activated: “" + objectives.activate(id).title()
				+ "” is now pursued, and its key results take check-ins.");
	}

	@PostMapping("/objectives/{id}/guardrails")
	String guardrails(@PathVariable long id, @RequestParam(name = "kpi", required = false) List<String> kpiKeys,
			RedirectAttributes redirect) {
		// the picker's input is sent even when left empty; a key ticked and also picked counts once
		var keys = kpiKeys == null ? List.<String>of()
				: kpiKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).distinct().toList();
		return act(id, redirect, () -> {
			var saved = objectives.guardrails(id, keys);
			return saved.isEmpty() ? "Guardrails removed." : "Guardrails saved: " + String.join(", ",
					saved.stream().map(g -> g.kpi()).toList()) + ".";
		});
	}

	@PostMapping("/objectives/{id}/carry-over")
	String carryOver(@PathVariable long id, @RequestParam(required = false) Long cycle, RedirectAttributes redirect) {
		if (cycle == null) {
			redirect.addFlashAttribute("alert", "Choose the cycle to carry the objective over into.");
			return "redirect:/objectives/" + id;
		}
		try {
			var carried = objectives.carryOver(id, cycle);
			redirect.addFlashAttribute("notice", "Carried over into " + carried.cycleName()
					+ " with its unfinished key results; their last values are the new baselines.");
			return "redirect:/objectives/" + carried.id();
		}
		catch (ConflictException | InvalidInputException refused) {
			redirect.addFlashAttribute("alert", message(refused));
			return "redirect:/objectives/" + id;
		}
	}

	@PostMapping("/objectives/{id}/retrospective")
	String retrospective(@PathVariable long id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		if (note.length() > 4000) {
			redirect.addFlashAttribute("alert", "Keep the retrospective under 4,000 characters; nothing was saved.");
			return "redirect:/objectives/" + id + "#retrospective";
		}
		return act(id, redirect, () -> {
			objectives.retrospective(id, note);
			return note.isBlank() ? "Retrospective cleared." : "Retrospective saved.";
		});
	}

	/** Takes an action and reports it on the objective's page; a refused one says why there. */
	private String act(long id, RedirectAttributes redirect, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (ConflictException | InvalidInputException refused) {
			redirect.addFlashAttribute("alert", message(refused));
		}
		return "redirect:/objectives/" + id;
	}

	private static String message(RuntimeException refused) {
		if (refused instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
			return "Nothing was saved: " + invalid.problems().get(0).message() + ".";
		}
		return refused.getMessage();
	}

	/** Open cycles that start after this one: where an objective may be carried over to. */
	private List<CycleView> laterCycles(CycleView cycle) {
		return cycles.list().stream()
			.filter(c -> c.status() != CycleStatus.CLOSED && c.start().isAfter(cycle.start()))
			.toList();
	}
}
