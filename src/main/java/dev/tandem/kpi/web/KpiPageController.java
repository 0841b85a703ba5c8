package dev.tandem.kpi.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.kpi.CsvText;
import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.KpiAdvice;
import dev.tandem.kpi.KpiChange;
import dev.tandem.kpi.KpiFormat;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.MeasurementFileImport;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.PersonView;
import dev.tandem.problem.FieldProblem;
import dev.tandem.sheet.ChartImage;
import dev.tandem.sheet.PdfReports;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.InvalidInputException;

/**
 * One KPI's page: its health, its history chart by day, week or month, its definition and the
 * changes to it, the loop's proposals for it (asked through {@link KpiAdvice}), and, for those
 * who may, the forms that record a value or import a CSV file.
 * htmx asks for parts of it by target (the chart after a period switch or an import, the next
 * page of changes) and gets the same template's fragment.
 */
@Controller
class KpiPageController {

	static final int CHANGES_PER_PAGE = 10;

	static final int PROPOSALS_SHOWN = 20;

	private final Kpis kpis;
	private final MeasurementFileImport files;
	private final Organisation organisation;
	private final Permissions permissions;
	private final KpiAdvice advice;
	private final Clock clock;
	private final ZoneId zone;
	private final PdfReports reports;

	KpiPageController(Kpis kpis, MeasurementFileImport files, Organisation organisation, Permissions permissions,
			KpiAdvice advice, Clock clock, ZoneId zone, PdfReports reports) {
		this.reports = reports;
		this.kpis = kpis;
		this.files = files;
		this.advice = advice;
		this.organisation = organisation;
		this.permissions = permissions;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/kpis/{key}")
	String show(@PathVariable String key, @RequestParam(required = false) Frequency period,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model) {
		var kpi = kpis.get(key);
		if ("kpi-changes".equals(htmxTarget)) {
			model.addAttribute("kpi", kpi);
			model.addAttribute("changes", changes(kpi, page));
			return "kpi/kpi :: changes";
		}
		overview(kpi, period, model);
		if ("kpi-overview".equals(htmxTarget)) {
			return "kpi/kpi :: overview";
		}
		fill(kpi, page, model);
		model.addAttribute("measurement", MeasurementForm.at(LocalDateTime.now(clock.withZone(zone))));
		return "kpi/kpi";
	}

	/** The KPI's page as a PDF made on the server: its health, its definition, its chart and the periods' values. */
	@GetMapping("/kpis/{key}/report.pdf")
	void pdf(@PathVariable String key, @RequestParam(required = false) Frequency period, Model model,
			HttpServletResponse response) {
		var kpi = kpis.get(key);
		overview(kpi, period, model);
		var chart = (KpiChart) model.getAttribute("chart");
		model.addAttribute("image", ChartImage.dataUri(chart.series().get(0).values(), kpi.target(), null));
		model.addAttribute("team", organisation.findTeam(kpi.team()).orElseThrow());
		reports.download("kpi/kpi-pdf", model.asMap(), key, response);
	}

	@PostMapping("/kpis/{key}/measurements")
	String record(@PathVariable String key, @Valid @ModelAttribute("measurement") MeasurementForm form,
			BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var kpi = recordable(key);
		if (!errors.hasErrors()) {
			try {
				var at = form.getAt().atZone(zone).toInstant();
				kpis.record(List.of(new NewMeasurement(key, at, form.getValue(), form.getNote())), i -> "value",
						Source.MANUAL);
				redirect.addFlashAttribute("notice", "Recorded " + KpiFormat.value(form.getValue(), kpi) + " for "
						+ KpiFormat.periodLabel(form.getAt().toLocalDate(), Frequency.DAILY) + ".");
				return "redirect:/kpis/" + key;
			}
			catch (InvalidInputException e) {
				e.problems().forEach(problem -> reject(errors, problem));
			}
		}
		response.setStatus(422);
		overview(kpi, null, model);
		fill(kpi, 0, model);
		return "kpi/kpi";
	}

	@PostMapping("/kpis/{key}/measurements/import")
	String importCsv(@PathVariable String key, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		var kpi = recordable(key);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "choose a CSV file with lines of at,value[,note]");
			}
			int accepted = files.importRows(key, CsvText.reader(file.getInputStream(), file.getContentType()));
			var message = "Imported " + accepted + (accepted == 1 ? " value" : " values") + " from "
					+ file.getOriginalFilename() + ".";
			if (!htmx) {
				redirect.addFlashAttribute("notice", message);
				return "redirect:/kpis/" + key;
			}
			// the chart and the health above listen for this and fetch themselves again
			response.setHeader("HX-Trigger", "measurements-changed");
			model.addAttribute("imported", message);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("importProblems", e.problems());
		}
		model.addAttribute("kpi", kpi);
		if (htmx) {
			return "kpi/kpi :: import-result";
		}
		overview(kpi, null, model);
		fill(kpi, 0, model);
		model.addAttribute("measurement", MeasurementForm.at(LocalDateTime.now(clock.withZone(zone))));
		return "kpi/kpi";
	}

	/** The KPI, if the signed-in person may record its values: checked before the input, so that a refusal is never a 422. */
	private KpiView recordable(String key) {
		var kpi = kpis.get(key);
		var team = organisation.findTeam(kpi.team()).orElseThrow();
		var owner = kpi.owner() == null ? null : organisation.findPerson(kpi.owner()).map(PersonView::id).orElse(null);
		if (!permissions.mayRecord(team.id(), owner)) {
			throw new ForbiddenException("Only the owner, an editor of this team or an administrator may record values here.");
		}
		return kpi;
	}

	private void overview(KpiView kpi, Frequency requested, Model model) {
		var period = requested == null || requested.compareTo(kpi.frequency()) < 0 ? kpi.frequency() : requested;
		var today = LocalDate.now(clock.withZone(zone));
		var values = kpis.periods(kpi.key(), KpiChart.from(period, today), today, period);
		model.addAttribute("kpi", kpi);
		model.addAttribute("chart", KpiChart.of(kpi, period, values, zone));
	}

	private void fill(KpiView kpi, int page, Model model) {
		var team = organisation.findTeam(kpi.team()).orElseThrow();
		var owner = kpi.owner() == null ? null : organisation.findPerson(kpi.owner()).orElse(null);
		model.addAttribute("team", team);
		model.addAttribute("owner", owner);
		model.addAttribute("mayEdit", permissions.mayEdit(team.id()));
		model.addAttribute("mayRecord", permissions.mayRecord(team.id(), owner == null ? null : owner.id()));
		model.addAttribute("changes", changes(kpi, page));
		// the loop's, asked through KpiAdvice: what waits in the inbox for this KPI, and its proposals' history
		var proposals = advice.proposals(kpi.key(), PROPOSALS_SHOWN);
		model.addAttribute("proposals", proposals);
		model.addAttribute("waitingProposal", proposals.stream().filter(KpiAdvice.Proposal::open).findFirst().orElse(null));
		model.addAttribute("waitingGraduation", advice.waitingGraduation(kpi.key()).orElse(null));
		var improving = kpi.health().improvingObjectiveId();
		model.addAttribute("improvingTitle", improving == null ? null : advice.objectiveTitle(improving).orElse(null));
		model.addAttribute("drivenBy", kpis.drivenBy(kpi.key()));
	}

	/** The definition's changes, newest first, a page at a time. */
	private PageImpl<KpiChange> changes(KpiView kpi, int page) {
		var all = new java.util.ArrayList<>(kpis.history(kpi.key()));
		java.util.Collections.reverse(all);
		var request = PageRequest.of(Math.max(0, page), CHANGES_PER_PAGE);
		var from = (int) Math.min(request.getOffset(), all.size());
		var to = Math.min(from + CHANGES_PER_PAGE, all.size());
		return new PageImpl<>(all.subList(from, to), request, all.size());
	}

	/** The KPI module words a row's problem as "field: message"; the form shows it at that field. */
	private static void reject(BindingResult errors, FieldProblem problem) {
		var message = problem.message();
		int colon = message.indexOf(": ");
		var field = colon > 0 ? message.substring(0, colon) : "";
		if (!List.of("value", "at", "note").contains(field)) {
			errors.reject("invalid", message);
			return;
		}
		errors.rejectValue(field, "invalid", message.substring(colon + 2));
	}
}
