package dev.tandem.okr;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.problem.Quoted;
import dev.tandem.problem.VersionTag;
import dev.tandem.sheet.SheetDownload;
import dev.tandem.sheet.SheetFormat;

@RestController
@RequestMapping("/api/cycles")
class CycleApiController {

	private final Cycles cycles;

	CycleApiController(Cycles cycles) {
		this.cycles = cycles;
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<CycleView> create(@Valid @RequestBody NewCycle request) {
		var created = cycles.create(request);
		return ResponseEntity.created(URI.create("/api/cycles/" + created.id())).body(created);
	}

	@GetMapping
	List<CycleView> list(@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return cycles.list().stream().skip(offset).limit(limit).toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<CycleView> get(@PathVariable long id) {
		var cycle = cycles.get(id);
		return ResponseEntity.ok().eTag(VersionTag.of(cycle.version())).body(cycle);
	}

	@PutMapping("/{id}")
	ResponseEntity<CycleView> update(@PathVariable long id, @Valid @RequestBody CycleChange change,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var expected = VersionTag.expected(ifMatch, () -> {
			var cycle = cycles.get(id);
			return new VersionTag.Current("The cycle " + Quoted.of(cycle.name()), cycle.version());
		});
		var updated = cycles.update(id, change, expected);
		return ResponseEntity.ok().eTag(VersionTag.of(updated.version())).body(updated);
	}

	@PostMapping("/{id}/close")
	CycleView close(@PathVariable long id) {
		return cycles.close(id);
	}

	@GetMapping("/{id}/overview")
	CycleOverview overview(@PathVariable long id) {
		return cycles.overview(id);
	}

	/** The cycle's OKRs as CSV or XLSX, one row per key result. */
	@GetMapping(path = "/{id}/overview", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void overviewSheet(@PathVariable long id, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			HttpServletResponse response) {
		exportOverview(id, SheetDownload.accepted(accept), response);
	}

	@GetMapping(path = "/{id}/overview", params = "format", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void overviewExport(@PathVariable long id, @RequestParam String format, HttpServletResponse response) {
		exportOverview(id, SheetFormat.of(format), response);
	}

	private void exportOverview(long id, SheetFormat format, HttpServletResponse response) {
		var overview = cycles.overview(id);
		var rows = CycleSheets.rows(overview, cycles.latestCheckIns(id));
		SheetDownload.write(response, CycleSheets.OVERVIEW, format, fileName(overview.cycle()) + "-okrs", rows);
	}

	/** The cycle's check-ins, newest first, a page at a time. */
	@GetMapping("/{id}/check-ins")
	List<CheckInView> checkIns(@PathVariable long id, @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return cycles.checkIns(id, limit, offset).stream().map(CycleCheckIn::checkIn).toList();
	}

	/** Every check-in of the cycle as CSV or XLSX, with the titles of what it was about. */
	@GetMapping(path = "/{id}/check-ins", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void checkInsSheet(@PathVariable long id, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			HttpServletResponse response) {
		exportCheckIns(id, SheetDownload.accepted(accept), response);
	}

	@GetMapping(path = "/{id}/check-ins", params = "format", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void checkInsExport(@PathVariable long id, @RequestParam String format, HttpServletResponse response) {
		exportCheckIns(id, SheetFormat.of(format), response);
	}

	private void exportCheckIns(long id, SheetFormat format, HttpServletResponse response) {
		var cycle = cycles.get(id);
		var all = cycles.checkIns(id, Integer.MAX_VALUE, 0);
		SheetDownload.write(response, CycleSheets.CHECK_INS, format, fileName(cycle) + "-check-ins", all);
	}

	/** The cycle's name as a file name: letters, digits, dots and dashes. */
	private static String fileName(CycleView cycle) {
		var name = cycle.name().replaceAll("[^\\p{L}\\p{N}.-]+", "-").replaceAll("^-+|-+$", "");
		return name.isEmpty() ? "cycle-" + cycle.id() : name;
	}
}
