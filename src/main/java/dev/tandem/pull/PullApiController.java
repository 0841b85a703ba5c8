package dev.tandem.pull;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/kpis/{key}")
class PullApiController {

	private final PullRuns pulls;

	PullApiController(PullRuns pulls) {
		this.pulls = pulls;
	}

	/** Runs the KPI's pull now; a failed run is an answer too (status FAILED with its message), not an error. */
	@PostMapping("/pull")
	PullRunView pull(@PathVariable String key) {
		return pulls.runNow(key);
	}

	@GetMapping("/pulls")
	List<PullRunView> runs(@PathVariable String key, @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return pulls.runs(key, limit, offset);
	}
}
