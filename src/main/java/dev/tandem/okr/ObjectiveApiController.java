package dev.tandem.okr;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
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

import dev.tandem.org.Slugs;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.VersionTag;

@RestController
@RequestMapping("/api/objectives")
class ObjectiveApiController {

	private final Objectives objectives;
	private final KeyResults keyResults;

	ObjectiveApiController(Objectives objectives, KeyResults keyResults) {
		this.objectives = objectives;
		this.keyResults = keyResults;
	}

	record RetrospectiveInput(@NotNull @Size(max = 4000) String note) {
	}

	record CarryOverInput(@NotNull Long cycle) {
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<ObjectiveView> create(@Valid @RequestBody ObjectiveInput input) {
		var created = objectives.create(input);
		return ResponseEntity.created(URI.create("/api/objectives/" + created.id())).eTag(etag(created.version()))
			.body(created);
	}

	@GetMapping
	List<ObjectiveView> list(@RequestParam Optional<Long> cycle, @RequestParam Optional<String> team,
			@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return objectives.list(cycle.orElse(null), team.orElse(null), limit, offset);
	}

	@GetMapping("/{id}")
	ResponseEntity<ObjectiveView> get(@PathVariable long id) {
		var objective = objectives.get(id);
		return ResponseEntity.ok().eTag(etag(objective.version())).body(objective);
	}

	@PutMapping("/{id}")
	ResponseEntity<ObjectiveView> update(@PathVariable long id, @Valid @RequestBody ObjectiveInput input,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var expected = VersionTag.expected(ifMatch, () -> {
			var objective = objectives.objective(id);
			return new VersionTag.Current("The objective " + Quoted.of(objective.title()), objective.version());
		});
		var updated = objectives.update(id, input, expected);
		return ResponseEntity.ok().eTag(etag(updated.version())).body(updated);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		objectives.delete(id);
	}

	@PostMapping("/{id}/activate")
	ObjectiveView activate(@PathVariable long id) {
		return objectives.activate(id);
	}

	@PutMapping("/{id}/guardrails")
	List<GuardrailView> guardrails(@PathVariable long id, @RequestBody @Size(max = 20)
			List<@NotBlank @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String> kpiKeys) {
		return objectives.guardrails(id, kpiKeys);
	}

	@PutMapping("/{id}/retrospective")
	ObjectiveView retrospective(@PathVariable long id, @Valid @RequestBody RetrospectiveInput input) {
		return objectives.retrospective(id, input.note());
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/{id}/carry-over")
	ResponseEntity<ObjectiveView> carryOver(@PathVariable long id, @Valid @RequestBody CarryOverInput input) {
		var carried = objectives.carryOver(id, input.cycle());
		return ResponseEntity.created(URI.create("/api/objectives/" + carried.id())).eTag(etag(carried.version()))
			.body(carried);
	}

	@GetMapping("/{id}/history")
	List<OkrChange> history(@PathVariable long id) {
		return objectives.history(id);
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/{id}/key-results")
	ResponseEntity<KeyResultView> createKeyResult(@PathVariable long id, @Valid @RequestBody KeyResultInput input) {
		var created = keyResults.create(id, input);
		return ResponseEntity.created(URI.create("/api/key-results/" + created.id())).eTag(etag(created.version()))
			.body(created);
	}

	private static String etag(long version) {
		return VersionTag.of(version);
	}
}
