package dev.tandem.loop;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/loop")
class LoopApiController {

	private final Proposals proposals;
	private final Focus focus;

	LoopApiController(Proposals proposals, Focus focus) {
		this.proposals = proposals;
		this.focus = focus;
	}

	record Dismissal(@NotBlank @Size(max = 1000) String reason) {
	}

	@GetMapping("/proposals")
	List<ProposalView> proposals(@RequestParam(defaultValue = "OPEN") ProposalState state,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return proposals.list(state, limit, offset);
	}

	@GetMapping("/proposals/{id}")
	ProposalView proposal(@PathVariable long id) {
		return proposals.get(id);
	}

	@PostMapping("/proposals/{id}/dismiss")
	ProposalView dismiss(@PathVariable long id, @Valid @RequestBody Dismissal dismissal) {
		return proposals.dismiss(id, dismissal.reason());
	}

	@GetMapping("/focus")
	List<FocusItem> focus() {
		return focus.ranking();
	}
}
