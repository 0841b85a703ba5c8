package dev.tandem.imports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.ObjectMapper;

import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.imports.ColumnMapping;
import dev.tandem.imports.KpiSheetImport;
import dev.tandem.imports.OkrSheetImport;
import dev.tandem.imports.SheetReader;

/**
 * The import page: upload a sheet, match its columns to Tandem's fields, preview what a dry run
 * would create and what is wrong, then import. The file is sent again with each step (the
 * browser keeps it chosen), so that nothing half-read waits on the server between steps.
 */
@Controller
class ImportPageController {

	private final KpiSheetImport kpis;
	private final OkrSheetImport okrs;
	private final Cycles cycles;
	private final ObjectMapper mapper;

	ImportPageController(KpiSheetImport kpis, OkrSheetImport okrs, Cycles cycles, ObjectMapper mapper) {
		this.kpis = kpis;
		this.okrs = okrs;
		this.cycles = cycles;
		this.mapper = mapper;
	}

	@GetMapping("/import")
	String page(@RequestParam(defaultValue = "okrs") String kind, @RequestParam(required = false) Long cycle, Model model) {
		kpis.requireImporter();
		form(kind, cycle, model);
		return "sheet/import";
	}

	@PostMapping("/import/preview")
	String preview(@RequestParam(defaultValue = "okrs") String kind, @RequestParam(required = false) Long cycle,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, HttpServletResponse response, Model model)
			throws IOException {
		return step(kind, cycle, file, true, request, htmx, response, model);
	}

	@PostMapping("/import/run")
	String run(@RequestParam(defaultValue = "okrs") String kind, @RequestParam(required = false) Long cycle,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, HttpServletResponse response, Model model)
			throws IOException {
		return step(kind, cycle, file, false, request, htmx, response, model);
	}

	/** A template to fill in: the header and one example row. */
	@GetMapping("/import/template/{kind}")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		var csv = switch (kind) {
			case "okrs.csv" -> String.join(",", OkrSheetImport.FIELDS) + "\n"
					+ "Customers get answers fast,TEAM,support,maria,Customers love us,COMMITTED,First reply within 2 hours,METRIC,"
					+ "maria,6,2,h,,1\n"
					+ "Customers get answers fast,,,,,,Publish the help centre,MILESTONE,joao,,,,,1\n";
			case "kpis.csv" -> String.join(",", KpiSheetImport.FIELDS) + "\n"
					+ "first-reply-time,First reply time,,support,maria,DURATION,,0,,,MANUAL,WEEKLY,AVERAGE,Service,LEADING,,"
					+ "THRESHOLD,LOWER_IS_BETTER,2,4,,,,,,\n";
			default -> throw new NotFoundException("template", kind);
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tandem-" + kind).build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	private String step(String kind, Long cycle, MultipartFile file, boolean dryRun, HttpServletRequest request,
			boolean htmx, HttpServletResponse response, Model model) throws IOException {
		kpis.requireImporter();
		form(kind, cycle, model);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "choose a CSV or XLSX file");
			}
			var mapping = ColumnMapping.of(null, request.getParameterMap(), mapper);
			var sheet = SheetReader.read(file.getInputStream(), file.getContentType());
			Object report;
			if ("kpis".equals(kind)) {
				report = kpis.importSheet(sheet, mapping, dryRun);
			}
			else {
				if (cycle == null) {
					throw new InvalidInputException("cycle", "choose the cycle to import the OKRs into");
				}
				report = okrs.importSheet(sheet, cycle, mapping, dryRun);
			}
			model.addAttribute("report", report);
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("refused", e.problems());
		}
		catch (ErrorResponseException e) {
			response.setStatus(422);
			var detail = e.getBody().getDetail();
			model.addAttribute("refused", List.of(new FieldProblem("file", detail == null ? "cannot be read" : detail)));
		}
		return htmx ? "sheet/import :: preview" : "sheet/import";
	}

	private void form(String kind, Long cycle, Model model) {
		var open = cycles.list().stream().filter(c -> c.status() != CycleStatus.CLOSED).toList();
		model.addAttribute("kind", "kpis".equals(kind) ? "kpis" : "okrs");
		model.addAttribute("cycles", open);
		model.addAttribute("cycle", cycle != null ? cycle
				: open.stream().filter(c -> c.status() == CycleStatus.ACTIVE).findFirst().or(() -> open.stream().findFirst())
					.map(CycleView::id).orElse(null));
		model.addAttribute("fields", Map.of("okrs", OkrSheetImport.FIELDS, "kpis", KpiSheetImport.FIELDS));
	}
}
