package dev.tandem.loop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

	/** How many proposals, graduations and alerts one page of each of the inbox's lists shows. */
	static final int PER_PAGE = 20;

	/** How many teams' coach findings the inbox shows someone who belongs to none. */
	static final int COACH_TEAMS = 12;

	/** The lists an htmx pager swaps on its own: the element's id is the fragment's name. */
	private static final Set<String> LISTS = Set.of("proposals", "graduations", "alerts");

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

	/**
	 * Each list pages on its own ({@code ?proposals=&graduations=&alerts=}, zero-based), so an
	 * organisation with a thousand open proposals gets a count and a pager, not a thousand
	 * entries; an htmx pager asks for its own list only.
	 */
	@GetMapping("/inbox")
	String inbox(@RequestParam(name = "proposals", defaultValue = "0") int proposalPage,
			@RequestParam(name = "graduations", defaultValue = "0") int graduationPage,
			@RequestParam(name = "alerts", defaultValue = "0") int alertPage,
			@RequestParam(name = "proposal", required = false) Long proposal,
			@RequestParam(name = "graduation", required = false) Long graduation,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model) {
		var me = organisation.signedIn().orElseThrow(() -> new ForbiddenException("Sign in to see your inbox."));
		var list = htmxTarget != null && LISTS.contains(htmxTarget) ? htmxTarget : null;
		model.addAttribute("editable", EditableTeams.keys(organisation, permissions));
		if (list == null || list.equals("proposals")) {
			long open = proposals.count(ProposalState.OPEN);
			// a link to one proposal (the KPI page's) opens the page it is on
			var request = page(proposal == null ? proposalPage : (int) (proposals.positionOf(proposal) / PER_PAGE), open);
			model.addAttribute("proposals", new PageImpl<>(
					proposals.list(ProposalState.OPEN, PER_PAGE, (int) request.getOffset()), request, open));
		}
		if (list == null || list.equals("graduations")) {
			// open graduations are grouped into decisions in memory, so the page is cut from all of them
			var decisions = graduations.list(GraduationState.OPEN, Integer.MAX_VALUE, 0);
			var request = page(graduation == null ? graduationPage : positionOf(graduation, decisions) / PER_PAGE,
					decisions.size());
			int from = (int) request.getOffset();
			model.addAttribute("graduations", new PageImpl<>(
					decisions.subList(from, Math.min(from + PER_PAGE, decisions.size())), request, decisions.size()));
		}
		if (list == null || list.equals("alerts")) {
			long open = alerts.count(true);
			var request = page(alertPage, open);
			model.addAttribute("alerts", new PageImpl<>(alerts.list(true, null, PER_PAGE, (int) request.getOffset()),
					request, open));
		}
		if (list != null) {
			return "loop/inbox :: " + list;
		}
		model.addAttribute("owed", owed.of(me.username()));
		// a person in teams sees their teams' focus; someone in none, the organisation's
		model.addAttribute("focus", me.teams().isEmpty() ? focus.ranking(FOCUS_SHOWN, 0).items()
				: focus.rankingFor(me.teams().stream().map(team -> organisation.team(team).id()).toList(), FOCUS_SHOWN)
					.items());
		model.addAttribute("focusForTeams", !me.teams().isEmpty());
		model.addAttribute("findings", findings(me, model));
		return "loop/inbox";
	}

	/** Where a graduation, offered or competing, stands among the open decisions; 0 when it is not open. */
	private static int positionOf(long graduation, List<GraduationView> decisions) {
		for (int i = 0; i < decisions.size(); i++) {
			var decision = decisions.get(i);
			if (decision.id() == graduation || decision.competing() != null
					&& decision.competing().stream().anyMatch(c -> c.id() == graduation)) {
				return i;
			}
		}
		return 0;
	}

	/** A page that exists: a page number past the end shows the last page, a negative one the first. */
	private static PageRequest page(int number, long total) {
		int last = total == 0 ? 0 : (int) ((total - 1) / PER_PAGE);
		return PageRequest.of(Math.max(0, Math.min(number, last)), PER_PAGE);
	}

	/**
	 * The coach's findings for the person's teams, by team name. Someone in no team (an
	 * administrator, say) gets the first {@value #COACH_TEAMS} teams': the coach reads a team's
	 * KPIs and objectives for each, and a thousand teams would be a thousand passes.
	 */
	private Map<String, List<CoachFinding>> findings(dev.tandem.org.PersonView me, Model model) {
		var findings = new LinkedHashMap<String, List<CoachFinding>>();
		var teams = me.teams();
		if (teams.isEmpty()) {
			var all = organisation.teams();
			teams = all.stream().limit(COACH_TEAMS).map(TeamView::key).toList();
			model.addAttribute("coachTeamsLeft", all.size() - teams.size());
		}
		for (var team : teams) {
			var forTeam = coach.findings(null, team, null);
			if (!forTeam.isEmpty()) {
				findings.put(organisation.team(team).name(), forTeam);
			}
		}
		return findings;
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
}
