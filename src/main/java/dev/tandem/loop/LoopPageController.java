package dev.tandem.loop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;

/**
 * The loop inbox: what the signed-in person owes, the proposals and graduations waiting for a
 * decision (with the buttons to take it, for those who may), guardrail alerts, the focus and
 * the coach's findings for their teams.
 */
@Controller
class LoopPageController {

	/** How many of the focus ranking's KPIs the inbox shows. */
	static final int FOCUS_SHOWN = 5;

	private final Proposals proposals;
	private final Graduations graduations;
	private final GuardrailAlerts alerts;
	private final Focus focus;
	private final Coach coach;
	private final Owed owed;
	private final Organisation organisation;
	private final Permissions permissions;

	LoopPageController(Proposals proposals, Graduations graduations, GuardrailAlerts alerts, Focus focus, Coach coach,
			Owed owed, Organisation organisation, Permissions permissions) {
		this.proposals = proposals;
		this.graduations = graduations;
		this.alerts = alerts;
		this.focus = focus;
		this.coach = coach;
		this.owed = owed;
		this.organisation = organisation;
		this.permissions = permissions;
	}

	@GetMapping("/inbox")
	String inbox(Model model) {
		var me = organisation.signedIn().orElseThrow(() -> new ForbiddenException("Sign in to see your inbox."));
		model.addAttribute("owed", owed.of(me.username()));
		model.addAttribute("proposals", proposals.list(ProposalState.OPEN, 50, 0));
		model.addAttribute("graduations", graduations.list(GraduationState.OPEN, 50, 0));
		model.addAttribute("alerts", alerts.list(true, null, 50, 0));
		model.addAttribute("focus", focus.ranking(FOCUS_SHOWN, 0).items());
		model.addAttribute("editable", editableTeams());
		var myTeams = me.teams().isEmpty() ? organisation.teams().stream().map(TeamView::key).toList() : me.teams();
		var findings = new LinkedHashMap<String, List<CoachFinding>>();
		for (var team : myTeams) {
			var forTeam = coach.findings(null, team, null);
			if (!forTeam.isEmpty()) {
				findings.put(organisation.team(team).name(), forTeam);
			}
		}
		model.addAttribute("findings", findings);
		return "loop/inbox";
	}

	@PostMapping("/inbox/proposals/{id}/accept")
	String accept(@PathVariable long id, RedirectAttributes redirect) {
		return decide(redirect, () -> {
			var accepted = proposals.accept(id, null);
			redirect.addFlashAttribute("noticeHref", "/objectives/" + accepted.objectiveId());
			redirect.addFlashAttribute("noticeAction", "Open the draft");
			return "Accepted: draft objective “" + accepted.suggestedObjective() + "” is ready to refine and activate. " + accepted.kpiName() + " is now being improved.";
		});
	}

	@PostMapping("/inbox/proposals/{id}/dismiss")
	String dismiss(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return decide(redirect, () -> {
			var dismissed = proposals.dismiss(id, reason);
			return "Dismissed the proposal for " + dismissed.kpiName()
					+ ". It comes back only if the KPI recovers and fails again, or gets markedly worse.";
		});
	}

	@PostMapping("/inbox/graduations/{id}/accept")
	String acceptGraduation(@PathVariable long id, RedirectAttributes redirect) {
		return decide(redirect, () -> {
			var settles = settled(graduations.get(id));
			var accepted = graduations.accept(id, GraduationAcceptance.DEFAULTS);
			if (accepted.createdKpi() != null) {
				return "Created the KPI “" + accepted.createdKpi() + "” from “" + accepted.title() + "”.";
			}
			return (Boolean.TRUE.equals(accepted.raised()) ? "Raised " + accepted.kpi() + " to the level achieved."
					: "Graduated: " + accepted.kpi() + " is monitored again (its thresholds already asked for more).")
					+ (settles == 0 ? "" : settles == 1 ? " It settled the competing graduation."
							: " It settled " + settles + " competing graduations.");
		});
	}

	@PostMapping("/inbox/graduations/{id}/dismiss")
	String dismissGraduation(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return decide(redirect, () -> {
			var settles = settled(graduations.get(id));
			graduations.dismiss(id, reason);
			return settles == 0 ? "Dismissed the graduation; the KPI keeps its thresholds."
					: "Dismissed the decision: all " + (settles + 1) + " graduations; the KPI keeps its thresholds.";
		});
	}

	/** How many other graduations the decision on this one settles: the competitors of its KPI's open decision. */
	private int settled(GraduationView graduation) {
		if (graduation.offeredInstead() != null) {
			return settled(graduations.get(graduation.offeredInstead()));
		}
		return graduation.competing() == null ? 0 : graduation.competing().size();
	}

	/** Takes a decision and reports it on the inbox; a refused one (already decided, no reason) says why. */
	private String decide(RedirectAttributes redirect, java.util.function.Supplier<String> decision) {
		try {
			redirect.addFlashAttribute("notice", decision.get());
		}
		catch (ConflictException | InvalidInputException refused) {
			redirect.addFlashAttribute("alert", refused instanceof InvalidInputException invalid
					? "Say why: " + invalid.problems().get(0).message() + "." : refused.getMessage());
		}
		return "redirect:/inbox";
	}

	private Set<String> editableTeams() {
		if (Actor.signedIn().isEmpty()) {
			return Set.of();
		}
		var editable = permissions.editableTeams();
		return organisation.teams().stream()
			.filter(team -> editable.test(team.id()))
			.map(TeamView::key)
			.collect(Collectors.toSet());
	}
}
