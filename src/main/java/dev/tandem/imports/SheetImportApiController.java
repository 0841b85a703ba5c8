package dev.tandem.imports;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.ObjectMapper;

/**
 * Imports from a spreadsheet, the file sent as the body (text/csv, the XLSX media type, or
 * anything: the content decides) or uploaded as the form field {@code file}. 201 when imported,
 * 200 for a dry run (its report lists the problems), 400 with every problem when a real import
 * is refused.
 */
@RestController
@RequestMapping("/api/import")
class SheetImportApiController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final KpiSheetImport kpis;
	private final OkrSheetImport okrs;
	private final ObjectMapper mapper;
	private final ImportRun run;

	SheetImportApiController(KpiSheetImport kpis, OkrSheetImport okrs, ObjectMapper mapper, ImportRun run) {
		this.kpis = kpis;
		this.okrs = okrs;
		this.mapper = mapper;
		this.run = run;
	}

	@PostMapping(path = "/kpis", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<KpiSheetImport.Report> kpisFile(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String mapping,
			HttpServletRequest request) throws IOException {
		return kpis(file.getInputStream(), file.getContentType(), dryRun, mapping, request);
	}

	@PostMapping(path = "/kpis")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "key,name,team,owner,unit,source,frequency,aggregation,indicator,shape,direction,target,warning\n"
							+ "uptime,Uptime,platform,alice,PERCENT,API,DAILY,AVERAGE,LAGGING,THRESHOLD,HIGHER_IS_BETTER,99.9,99.5\n")),
			@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<KpiSheetImport.Report> kpisBody(@RequestParam(defaultValue = "false") boolean dryRun,
			@Parameter(description = "JSON object of the file's header to Tandem's field; or map.<field>=<header>")
			@RequestParam(required = false) String mapping, HttpServletRequest request) throws IOException {
		return kpis(request.getInputStream(), request.getContentType(), dryRun, mapping, request);
	}

	private ResponseEntity<KpiSheetImport.Report> kpis(InputStream in, String contentType, boolean dryRun, String mapping,
			HttpServletRequest request) {
		run.requireEditor();
		var columns = ColumnMapping.of(mapping, request.getParameterMap(), mapper);
		var report = kpis.importSheet(SheetReader.read(in, contentType), columns, dryRun);
		return ResponseEntity.status(report.imported() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
	}

	@PostMapping(path = "/okrs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<OkrSheetImport.Report> okrsFile(@RequestPart("file") MultipartFile file, @RequestParam long cycle,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String mapping,
			HttpServletRequest request) throws IOException {
		return okrs(file.getInputStream(), file.getContentType(), cycle, dryRun, mapping, request);
	}

	@PostMapping(path = "/okrs")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "objective,level,team,owner,parent,commitment,key_result,type,kr_owner,baseline,target,unit,kpi,weight\n"
							+ "Faster checkout,TEAM,shop,alice,,COMMITTED,Checkout under 2 s,METRIC,bob,3.4,2,s,,1\n")),
			@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<OkrSheetImport.Report> okrsBody(@RequestParam long cycle,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@Parameter(description = "JSON object of the file's header to Tandem's field; or map.<field>=<header>")
			@RequestParam(required = false) String mapping, HttpServletRequest request) throws IOException {
		return okrs(request.getInputStream(), request.getContentType(), cycle, dryRun, mapping, request);
	}

	private ResponseEntity<OkrSheetImport.Report> okrs(InputStream in, String contentType, long cycle, boolean dryRun,
			String mapping, HttpServletRequest request) {
		run.requireEditor();
		var columns = ColumnMapping.of(mapping, request.getParameterMap(), mapper);
		var report = okrs.importSheet(SheetReader.read(in, contentType), cycle, columns, dryRun);
		return ResponseEntity.status(report.imported() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
	}
}
