package dev.tandem.okr;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
}
