package dev.tandem.kpi.web;

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

import dev.tandem.kpi.Aggregation;
import dev.tandem.kpi.Direction;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Shape;
import dev.tandem.kpi.Source;
import dev.tandem.kpi.Unit;
import dev.tandem.org.Actor;
import dev.tandem.org.Assignments;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ForbiddenException;

/**
 * Creating and editing a KPI's definition, for the editors of its team and administrators.
 * Invalid input comes back as the form with each message at its input (422), nothing saved;
 * a saved KPI redirects to its page. Seasonal thresholds are rows of the same form, saved with
 * the rest in one write: adding a row shows the form again, a row ticked "remove" is dropped.
 */
@Controller
class KpiFormPageController {

	/** The form's "add a seasonal threshold" button: the form again with one more row, nothing saved. */
	static final String ADD_ROW = "add";

	private final Kpis kpis;
	private final KpiEditing editing;
	private final Assignments assignments;
	private final Organisation organisation;
	private final Permissions permissions;

	KpiFormPageController(Kpis kpis, KpiEditing editing, Assignments assignments, Organisation organisation,
			Permissions permissions) {
		this.kpis = kpis;
		this.editing = editing;
		this.assignments = assignments;
		this.organisation = organisation;
		this.permissions = permissions;
	}

	@GetMapping("/kpis/new")
	String create(Model model) {
		requireSomeTeam();
		return form(KpiForm.empty(Actor.current()), null, model);
	}

	@PostMapping("/kpis/new")
	String create(@ModelAttribute("kpiForm") KpiForm form, BindingResult errors,
			@RequestParam(name = "seasonalAction", required = false) String action, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireSomeTeam();
		if (ADD_ROW.equals(action)) {
			form.addSeasonal();
			return form(form, null, model);
		}
		var saved = editing.save(form, errors, kpis::create);
		if (saved == null) {
			response.setStatus(422);
			return form(form, null, model);
		}
		redirect.addFlashAttribute("notice", "KPI “" + saved.name() + "” created. Record its first value below.");
		return "redirect:/kpis/" + saved.key();
	}

	@GetMapping("/kpis/{key}/edit")
	String edit(@PathVariable String key, Model model) {
		var kpi = editable(key);
		return form(KpiForm.of(kpi), kpi, model);
	}

	@PostMapping("/kpis/{key}/edit")
	String edit(@PathVariable String key, @ModelAttribute("kpiForm") KpiForm form, BindingResult errors,
			@RequestParam(name = "seasonalAction", required = false) String action, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var kpi = editable(key);
		form.setKey(key);
		if (ADD_ROW.equals(action)) {
			form.addSeasonal();
			return form(form, kpi, model);
		}
		var saved = editing.save(form, errors, definition -> kpis.update(key, definition, form.getVersion()));
		if (saved == null) {
			response.setStatus(422);
			return form(form, kpi, model);
		}
		redirect.addFlashAttribute("notice", "KPI “" + saved.name() + "” saved.");
		return "redirect:/kpis/" + saved.key();
	}

	private String form(KpiForm form, KpiView existing, Model model) {
		model.addAttribute("kpiForm", form);
		model.addAttribute("existing", existing);
		model.addAttribute("teams", assignments.editableTeams());
		// enum choices as attributes: fragment parameters may not reach static classes
		model.addAttribute("units", Unit.values());
		model.addAttribute("sources", Source.values());
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("aggregations", Aggregation.values());
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("shapes", Shape.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("driverOptions", editing.drivers(existing == null ? null : existing.key()));
		return "kpi/kpi-form";
	}

	private KpiView editable(String key) {
		var kpi = kpis.get(key);
		permissions.requireEditorOf(organisation.team(kpi.team()).id());
		return kpi;
	}

	private void requireSomeTeam() {
		if (assignments.editableTeams().isEmpty()) {
			throw new ForbiddenException("Only an administrator or a team's editor may define KPIs.");
		}
	}
}
