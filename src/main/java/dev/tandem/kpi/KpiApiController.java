package dev.tandem.kpi;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;

import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.VersionTag;
import dev.tandem.sheet.SheetDownload;
import dev.tandem.sheet.SheetFormat;

@RestController
@RequestMapping("/api")
class KpiApiController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KpiApiController.class);

	private final Kpis kpis;
	private final ObjectMapper mapper;

	KpiApiController(Kpis kpis, ObjectMapper mapper) {
		this.kpis = kpis;
		this.mapper = mapper;
	}

	record MeasurementInput(@NotNull Instant at, @NotNull Double value, @Size(max = 1000) String note) {
	}

	record Accepted(int accepted) {
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/kpis")
	ResponseEntity<KpiView> create(@Valid @RequestBody KpiDefinition definition) {
		var created = kpis.create(definition);
		return ResponseEntity.created(URI.create("/api/kpis/" + created.key())).eTag(etag(created)).body(created);
	}

	@GetMapping("/kpis")
	List<KpiView> list(@RequestParam Optional<String> team,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(10000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return kpis.list(team.orElse(null)).stream().skip(offset).limit(limit).toList();
	}

	@GetMapping("/kpis/{key}")
	ResponseEntity<KpiView> get(@PathVariable String key) {
		var kpi = kpis.get(key);
		return ResponseEntity.ok().eTag(etag(kpi)).body(kpi);
	}

	@PutMapping("/kpis/{key}")
	ResponseEntity<KpiView> update(@PathVariable String key, @Valid @RequestBody KpiDefinition definition,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		// the checked version also guards the write, so an edit landing in between is a 409, not lost
		var expected = VersionTag.expected(ifMatch, () -> {
			var kpi = kpis.get(key);
			return new VersionTag.Current("The KPI " + Quoted.named(kpi.key(), kpi.name()), kpi.version());
		});
		var updated = kpis.update(key, definition, expected);
		return ResponseEntity.ok().eTag(etag(updated)).body(updated);
	}

	@DeleteMapping("/kpis/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String key) {
		kpis.delete(key);
	}

	@GetMapping("/kpis/{key}/history")
	List<KpiChange> history(@PathVariable String key) {
		return kpis.history(key);
	}

	@PostMapping("/kpis/{key}/measurements")
	@ResponseStatus(HttpStatus.CREATED)
	Accepted record(@PathVariable String key, @RequestBody @Size(min = 1, max = 100_000) List<@Valid @NotNull MeasurementInput> input) {
		kpis.get(key);
		var measurements = input.stream().map(m -> new NewMeasurement(key, m.at(), m.value(), m.note())).toList();
		return new Accepted(kpis.record(measurements, i -> "[" + i + "]", Source.API));
	}

	@GetMapping("/kpis/{key}/measurements")
	List<MeasurementView> measurements(@PathVariable String key,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> to,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(10000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		var start = from.orElse(Instant.parse("1900-01-01T00:00:00Z"));
		var end = to.orElse(Instant.parse("2200-12-31T00:00:00Z"));
		requireOrdered(start, end);
		return kpis.measurements(key, start, end, limit, offset);
	}

	/** The measurements as CSV or XLSX, streamed from the database: no limit, the whole range. */
	@GetMapping(path = "/kpis/{key}/measurements", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void measurementsSheet(@PathVariable String key,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> to,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, HttpServletResponse response) {
		exportMeasurements(key, from, to, SheetDownload.accepted(accept), response);
	}

	@GetMapping(path = "/kpis/{key}/measurements", params = "format", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void measurementsExport(@PathVariable String key,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> to,
			@RequestParam String format, HttpServletResponse response) {
		exportMeasurements(key, from, to, SheetFormat.of(format), response);
	}

	private void exportMeasurements(String key, Optional<Instant> from, Optional<Instant> to, SheetFormat format,
			HttpServletResponse response) {
		var start = from.orElse(Instant.parse("1900-01-01T00:00:00Z"));
		var end = to.orElse(Instant.parse("2200-12-31T00:00:00Z"));
		requireOrdered(start, end);
		kpis.get(key);
		try (var rows = SheetDownload.open(response, KpiSheets.MEASUREMENTS, format, key + "-measurements")) {
			kpis.eachMeasurement(key, start, end, rows::add);
		}
	}

	@GetMapping("/kpis/{key}/periods")
	List<PeriodValue> periods(@PathVariable String key,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to) {
		var start = from.orElse(LocalDate.of(1900, 1, 1));
		var end = to.orElse(LocalDate.of(2200, 12, 31));
		requireOrdered(start, end);
		return kpis.periods(key, start, end);
	}

	@GetMapping("/kpis/{key}/health")
	KpiHealth health(@PathVariable String key) {
		return kpis.health(key);
	}

	/** Ten thousand KPIs make 2.7 MB of JSON: written as it is produced, not through the message converter. */
	@GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = "Every KPI's health", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = KpiHealth.class))))
	void dashboard(@RequestParam Optional<String> team, HttpServletResponse response) throws IOException {
		var health = kpis.health(team);
		long t0 = System.nanoTime();
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		HealthJson.write(mapper, health, response.getOutputStream());
		if (log.isDebugEnabled()) {
			log.debug("Health of {} KPIs written in {} ms", health.size(), (System.nanoTime() - t0) / 1_000_000);
		}
	}

	/** The dashboard as CSV or XLSX: every KPI with its definition's essentials and its health. */
	@GetMapping(path = "/health", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void dashboardSheet(@RequestParam Optional<String> team, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			HttpServletResponse response) {
		exportDashboard(team, SheetDownload.accepted(accept), response);
	}

	@GetMapping(path = "/health", params = "format", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void dashboardExport(@RequestParam Optional<String> team, @RequestParam String format, HttpServletResponse response) {
		exportDashboard(team, SheetFormat.of(format), response);
	}

	private void exportDashboard(Optional<String> team, SheetFormat format, HttpServletResponse response) {
		var all = kpis.list(team.orElse(null));
		SheetDownload.write(response, KpiSheets.DASHBOARD, format, "dashboard", all);
	}

	private static <T extends Comparable<T>> void requireOrdered(T from, T to) {
		if (from.compareTo(to) > 0) {
			throw new InvalidInputException("to", "must not be before from");
		}
	}

	private static String etag(KpiView kpi) {
		return VersionTag.of(kpi.version());
	}

}
