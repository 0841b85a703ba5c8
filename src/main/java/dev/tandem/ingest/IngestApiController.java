package dev.tandem.ingest;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.ObjectMapper;

import dev.tandem.kpi.CsvText;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Source;

@RestController
@RequestMapping("/api")
class IngestApiController {

	private static final Logger log = LoggerFactory.getLogger(IngestApiController.class);

	private final Kpis kpis;
	private final CsvImport csv;
	private final ObjectMapper mapper;

	IngestApiController(Kpis kpis, CsvImport csv, ObjectMapper mapper) {
		this.kpis = kpis;
		this.csv = csv;
		this.mapper = mapper;
	}

	record Accepted(int accepted) {
	}

	/** What BulkParser reads, for the API description only (the body is streamed, not bound). */
	record BulkMeasurement(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kpi,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant at,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) double value, String note) {
	}

	/** Many KPIs at once, as a JSON array or NDJSON; all or nothing. */
	@PostMapping(path = "/measurements", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = BulkMeasurement.class))),
			@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(implementation = BulkMeasurement.class,
					description = "one object a line")) })
	Accepted bulk(HttpServletRequest request) throws IOException {
		long t0 = System.nanoTime();
		var parsed = BulkParser.parse(mapper, request.getInputStream(), kpis::existing);
		long t1 = System.nanoTime();
		var accepted = new Accepted(kpis.record(parsed.measurements(), parsed.labels()::get, Source.API));
		if (log.isDebugEnabled()) {
			log.debug("Bulk of {} measurements: read and parse {} ms, record and commit {} ms", accepted.accepted(),
					(t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
		}
		return accepted;
	}

	/** A CSV file of at,value[,note] for one KPI, sent as the body; all or nothing, errors by line. */
	@PostMapping(path = "/kpis/{key}/measurements/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
			schema = @Schema(type = "string", example = "at,value,note\n2026-11-01T00:00:00Z,97.5,after the fix\n")))
	Accepted importCsv(@PathVariable String key, HttpServletRequest request) throws IOException {
		return new Accepted(csv.importRows(key, CsvText.reader(request.getInputStream(), request.getContentType())));
	}

	/** The same, uploaded as a form file (the KPI page's upload). */
	@PostMapping(path = "/kpis/{key}/measurements/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Accepted importFile(@PathVariable String key, @RequestPart("file") MultipartFile file) throws IOException {
		return new Accepted(csv.importRows(key, CsvText.reader(file.getInputStream(), file.getContentType())));
	}
}
