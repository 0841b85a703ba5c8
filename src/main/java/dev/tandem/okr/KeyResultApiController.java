package dev.tandem.okr;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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

import dev.tandem.problem.Quoted;
import dev.tandem.problem.VersionTag;

@RestController
@RequestMapping("/api")
class KeyResultApiController {

	private final KeyResults keyResults;
	private final CheckIns checkIns;

	KeyResultApiController(KeyResults keyResults, CheckIns checkIns) {
		this.keyResults = keyResults;
		this.checkIns = checkIns;
	}

	@GetMapping("/key-results/{id}")
	ResponseEntity<KeyResultView> get(@PathVariable long id) {
		var keyResult = keyResults.get(id);
		return ResponseEntity.ok().eTag(VersionTag.of(keyResult.version())).body(keyResult);
	}

	@PutMapping("/key-results/{id}")
	ResponseEntity<KeyResultView> update(@PathVariable long id, @Valid @RequestBody KeyResultInput input,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var expected = VersionTag.expected(ifMatch, () -> {
			var keyResult = keyResults.keyResult(id);
			return new VersionTag.Current("The key result " + Quoted.of(keyResult.title()), keyResult.version());
		});
		var updated = keyResults.update(id, input, expected);
		return ResponseEntity.ok().eTag(VersionTag.of(updated.version())).body(updated);
	}

	@DeleteMapping("/key-results/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		keyResults.delete(id);
	}

	@GetMapping("/key-results/{id}/history")
	List<OkrChange> history(@PathVariable long id) {
		return keyResults.history(id);
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/key-results/{id}/check-ins")
	ResponseEntity<CheckInView> checkIn(@PathVariable long id, @Valid @RequestBody CheckInInput input) {
		var recorded = checkIns.record(id, input);
		return ResponseEntity.created(URI.create("/api/key-results/" + id + "/check-ins")).body(recorded);
	}

	@GetMapping("/key-results/{id}/check-ins")
	List<CheckInView> checkIns(@PathVariable long id,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return checkIns.list(id, limit, offset);
	}

	@GetMapping("/key-results/{id}/check-in-draft")
	CheckInDraft draft(@PathVariable long id) {
		return checkIns.draft(id);
	}

	/** What confidence 0-10 means, so that a 7 means the same in every team. */
	@GetMapping("/okr/confidence-rubric")
	List<ConfidenceLevel> rubric() {
		return checkIns.rubric();
	}
}
