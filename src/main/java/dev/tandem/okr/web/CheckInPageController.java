package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.okr.CheckInDraft;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.okr.OkrFormat;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;

/**
 * "My check-in": every key result the signed-in person owns in the active objectives of running
 * cycles, on one form, pre-filled (a linked KPI's latest value, the last confidence) so that a
 * weekly check-in costs a glance, a confidence and a sentence. All rows are saved together or
 * none: a row with a problem comes back with its message and nothing is recorded.
 */
@Controller
class CheckInPageController {

	static final int LIMIT = 1000;

	/** A key result to check in on, with its objective and the pre-filled draft. */
	record Entry(KeyResultView keyResult, ObjectiveView objective, CheckInDraft draft) {

		public boolean isMilestone() {
			return keyResult.type() == KeyResultType.MILESTONE;
		}
	}

	private final Cycles cycles;
	private final Objectives objectives;
	private final CheckIns checkIns;
	private final Organisation organisation;
	private final Permissions permissions;
	private final Validator validator;
	private final TransactionTemplate transactions;

	CheckInPageController(Cycles cycles, Objectives objectives, CheckIns checkIns, Organisation organisation,
			Permissions permissions, Validator validator, TransactionTemplate transactions) {
		this.cycles = cycles;
		this.objectives = objectives;
		this.checkIns = checkIns;
		this.organisation = organisation;
		this.permissions = permissions;
		this.validator = validator;
		this.transactions = transactions;
	}

	@GetMapping("/check-in")
	String show(Model model) {
		var me = me();
		var entries = entries(me);
		var form = new CheckInForm();
		entries.forEach(e -> form.getRows().add(CheckInForm.Row.of(e.draft())));
		return page(me, entries, form, model);
	}

	@PostMapping("/check-in")
	String save(@ModelAttribute("checkInForm") CheckInForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var me = me();
		var entries = entries(me);
		var byId = new HashMap<Long, Entry>();
		entries.forEach(e -> byId.put(e.keyResult().id(), e));
		var recorded = new ArrayList<String>();
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < form.getRows().size(); i++) {
				var row = form.getRows().get(i);
				var entry = row.getKeyResult() == null ? null : byId.get(row.getKeyResult());
				if (row.isSkip() || entry == null) {
					continue;
				}
				var input = row.toInput(entry.isMilestone());
				var prefix = "rows[" + i + "].";
				if (check(input, prefix, errors) && !errors.hasFieldErrors("rows[" + i + "].*")) {
					record(entry, input, prefix, errors, recorded);
				}
			}
			if (errors.hasErrors()) {
				status.setRollbackOnly();
			}
		});
		if (errors.hasErrors()) {
			response.setStatus(422);
			return page(me, entries, form, model);
		}
		if (recorded.isEmpty()) {
			redirect.addFlashAttribute("alert", "Nothing was recorded: every key result was skipped.");
		}
		else {
			redirect.addFlashAttribute("notice", "Checked in on " + recorded.size()
					+ (recorded.size() == 1 ? " key result." : " key results.") + " Thank you.");
			redirect.addFlashAttribute("recorded", recorded);
		}
		return "redirect:/check-in";
	}

	private void record(Entry entry, dev.tandem.okr.CheckInInput input, String prefix, BindingResult errors,
			List<String> recorded) {
		try {
			var saved = checkIns.record(entry.keyResult().id(), input);
			recorded.add(entry.keyResult().title() + ": " + (saved.done() != null ? (saved.done() ? "done" : "not done")
					: OkrFormat.value(saved.value(), entry.keyResult().unit())) + ", confidence " + saved.confidence());
		}
		catch (InvalidInputException e) {
			e.problems().forEach(p -> reject(errors, prefix, p.field(), p.message()));
		}
		catch (ConflictException | ForbiddenException e) {
			errors.rejectValue(prefix + "confidence", "refused", e.getMessage());
		}
	}

	/** Bean validation of one row, its messages at its inputs; true when it passed. */
	private boolean check(dev.tandem.okr.CheckInInput input, String prefix, BindingResult errors) {
		var violations = validator.validate(input);
		for (var violation : violations) {
			var field = violation.getPropertyPath().toString();
			var message = "confidence".equals(field) && input.confidence() == null ? "say how confident you are, 0 to 10"
					: violation.getMessage();
			reject(errors, prefix, field, message);
		}
		return violations.isEmpty();
	}

	private static void reject(BindingResult errors, String prefix, String field, String message) {
		var input = Set.of("value", "done", "confidence", "changed", "learned", "blockers", "decision").contains(field)
				? field : "confidence";
		if (!errors.hasFieldErrors(prefix + input)) {
			errors.rejectValue(prefix + input, "invalid", message);
		}
	}

	private String page(PersonView me, List<Entry> entries, CheckInForm form, Model model) {
		var byId = new HashMap<Long, Entry>();
		entries.forEach(e -> byId.put(e.keyResult().id(), e));
		model.addAttribute("entries", byId);
		model.addAttribute("checkInForm", form);
		model.addAttribute("rubric", checkIns.rubric());
		model.addAttribute("mayRecord", entries.isEmpty() || entries.stream()
			.anyMatch(e -> permissions.mayRecord(e.objective().teamId(), me.id())));
		return "okr/check-in";
	}

	/** What the person owns in the active objectives of running cycles, objective by objective. */
	private List<Entry> entries(PersonView me) {
		var entries = new ArrayList<Entry>();
		for (var cycle : cycles.list()) {
			if (cycle.status() != CycleStatus.ACTIVE) {
				continue;
			}
			for (var objective : objectives.list(cycle.id(), null, LIMIT, 0)) {
				if (objective.state() != ObjectiveState.ACTIVE) {
					continue;
				}
				objective.keyResults().stream()
					.filter(kr -> me.username().equals(kr.owner()))
					.forEach(kr -> entries.add(new Entry(kr, objective, checkIns.draft(kr.id()))));
			}
		}
		return entries;
	}

	private PersonView me() {
		return organisation.signedIn().orElseThrow(() -> new ForbiddenException("Sign in to check in."));
	}
}
