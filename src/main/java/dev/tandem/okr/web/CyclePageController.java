package dev.tandem.okr.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.OkrFormat;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.org.TimeFormat;
import dev.tandem.problem.ConflictException;

/**
 * The cycles: every one with its dates, status and number of objectives, for everyone; for
 * administrators (cycles are organisation-wide, so the facade lets only them) a form to create
 * the next one, editing an open one's name and dates, and closing one after a confirmation.
 * Invalid input or a refusal by the facade comes back as the form with its messages (422),
 * nothing saved. Forms are refused before their input is read, as the facade would refuse them.
 */
@Controller
class CyclePageController {

	private final Cycles cycles;
	private final OkrEditing editing;
	private final Permissions permissions;
	private final Organisation organisation;
	private final TimeFormat format;
	private final Clock clock;
	private final ZoneId zone;

	CyclePageController(Cycles cycles, OkrEditing editing, Permissions permissions, Organisation organisation,
			TimeFormat format, Clock clock, ZoneId zone) {
		this.cycles = cycles;
		this.editing = editing;
		this.permissions = permissions;
		this.organisation = organisation;
		this.format = format;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/cycles")
	String list(Model model) {
		return page(CycleForm.next(cycles.list(), today()), model);
	}

	@PostMapping("/cycles")
	String create(@ModelAttribute("cycleForm") CycleForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		permissions.requireAdmin();
		form.requireChosenPeriod(errors);
		var input = form.toNewCycle();
		var created = editing.save(input, errors, CycleForm::inputFor, () -> cycles.create(input));
		if (created == null) {
			response.setStatus(422);
			return page(form, model);
		}
		redirect.addFlashAttribute("notice", "Cycle “" + created.name() + "” created, " + dates(created)
				+ ". Teams can now write their objectives in it.");
		return row(created.id());
	}

	@GetMapping("/cycles/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		permissions.requireAdmin();
		var cycle = cycles.get(id);
		return form(CycleForm.of(cycle), cycle, model);
	}

	@PostMapping("/cycles/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("cycleForm") CycleForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		permissions.requireAdmin();
		var cycle = cycles.get(id);
		form.requireNameAndDates(errors);
		var change = form.toChange();
		var saved = editing.save(change, errors, CycleForm::inputFor, () -> cycles.update(id, change, null));
		if (saved == null) {
			response.setStatus(422);
			return form(form, cycle, model);
		}
		redirect.addFlashAttribute("notice", "Cycle “" + saved.name() + "” saved, " + dates(saved) + ".");
		return row(id);
	}

	@GetMapping("/cycles/{id}/close")
	String confirmClose(@PathVariable long id, Model model) {
		permissions.requireAdmin();
		var cycle = cycles.get(id);
		int objectives = cycles.objectiveCounts().getOrDefault(id, 0);
		var confirmation = Confirmation.of("Close " + cycle.name(), "Close " + cycle.name() + "?")
			.crumb("OKRs", "/okrs")
			.crumb("Cycles", "/cycles")
			.eyebrow("Cycle " + cycle.name() + ", " + dates(cycle))
			.consequence("Closing grades the cycle: the final score of each key result of its " + OkrFormat.count(objectives, "objective")
					+ " is computed now and kept, so that later changes to KPIs cannot rewrite it.")
			.consequence("From then on its objectives and key results can no longer change, and check-ins on them are refused.")
			.consequence("KPIs that its key results were improving go back to being monitored; targets reached are "
					+ "offered in the inbox as the KPIs' new levels.")
			.consequence("Retrospective notes can still be written, and the review shows the final grades.");
		if (cycle.status() == CycleStatus.CLOSED) {
			confirmation.refusal("This cycle was already closed at " + format.moment(cycle.closedAt())
					+ " by " + organisation.findPerson(cycle.closedBy()).map(PersonView::displayName).orElse(cycle.closedBy())
					+ ".");
		}
		else if (cycle.status() == CycleStatus.PLANNING) {
			confirmation.refusal("This cycle has not started yet (it starts on " + format.date(cycle.start())
					+ "): there is nothing to grade.");
		}
		else if (!cycle.ended()) {
			confirmation.warning("It runs until " + format.date(cycle.end())
					+ ": closing it now grades it on today's values.");
		}
		model.addAttribute("confirm", confirmation.button("Close the cycle", "/cycles/" + id + "/close", "/cycles"));
		return "okr/confirm";
	}

	@PostMapping("/cycles/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		try {
			var closed = cycles.close(id);
			redirect.addFlashAttribute("notice", "Cycle “" + closed.name()
					+ "” closed: its scores are final. Retrospectives can still be written in the review.");
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("alert", refused.getMessage());
		}
		return row(id);
	}

	/**
	 * Back to the list, at the cycle's row (highlighted): the form sits below the list, and a
	 * redirect without a fragment of its own would keep the form's and scroll past the result.
	 */
	private static String row(long id) {
		return "redirect:/cycles#cycle-" + id;
	}

	private String page(CycleForm form, Model model) {
		model.addAttribute("cycles", cycles.list().stream()
			.sorted(Comparator.comparing(CycleView::start).thenComparing(CycleView::end).thenComparing(CycleView::id)
				.reversed())
			.toList());
		model.addAttribute("objectiveCounts", cycles.objectiveCounts());
		model.addAttribute("mayManage", permissions.isAdmin());
		model.addAttribute("cycleForm", form);
		model.addAttribute("periods", CycleForm.Period.values());
		return "okr/cycles";
	}

	private String form(CycleForm form, CycleView cycle, Model model) {
		model.addAttribute("cycleForm", form);
		model.addAttribute("cycle", cycle);
		return "okr/cycle-form";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private String dates(CycleView cycle) {
		return format.date(cycle.start()) + " to " + format.date(cycle.end());
	}
}
