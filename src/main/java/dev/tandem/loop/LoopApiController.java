package dev.tandem.loop;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
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
	private final Graduations graduations;
	private final GuardrailAlerts alerts;
	private final Focus focus;

	LoopApiController(Proposals proposals, Graduations graduations, GuardrailAlerts alerts, Focus focus) {
		this.proposals = proposals;
		this.graduations = graduations;
		this.alerts = alerts;
		this.focus = focus;
	}

	record Dismissal(@NotBlank @Size(max = 1000) String reason) {
	}

	/** Optional on accept: the cycle to put the objective in (else the proposal's, or the current or next one). */
	record Acceptance(Long cycle) {
	}

	record Accepted(long objectiveId, ProposalView proposal) {
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

	@PostMapping("/proposals/{id}/accept")
	Accepted accept(@PathVariable long id, @RequestBody(required = false) Acceptance acceptance) {
		var accepted = proposals.accept(id, acceptance == null ? null : acceptance.cycle());
		return new Accepted(accepted.objectiveId(), accepted);
	}

	@PostMapping("/proposals/{id}/dismiss")
	ProposalView dismiss(@PathVariable long id, @Valid @RequestBody Dismissal dismissal) {
		return proposals.dismiss(id, dismissal.reason());
	}

	@GetMapping("/graduations")
	List<GraduationView> graduations(@RequestParam(defaultValue = "OPEN") GraduationState state,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return graduations.list(state, limit, offset);
	}

	@GetMapping("/graduations/{id}")
	GraduationView graduation(@PathVariable long id) {
		return graduations.get(id);
	}

	@PostMapping("/graduations/{id}/accept")
	GraduationView acceptGraduation(@PathVariable long id,
			@Valid @RequestBody(required = false) GraduationAcceptance choices) {
		return graduations.accept(id, choices);
	}

	@PostMapping("/graduations/{id}/dismiss")
	GraduationView dismissGraduation(@PathVariable long id, @Valid @RequestBody Dismissal dismissal) {
		return graduations.dismiss(id, dismissal.reason());
	}

	/** Open alerts by default; {@code state=ALL} adds the cleared ones, {@code objective} narrows to one. */
	@GetMapping("/alerts")
	List<GuardrailAlertView> alerts(@RequestParam(defaultValue = "OPEN") AlertFilter state,
			@RequestParam(required = false) Long objective,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return alerts.list(state == AlertFilter.OPEN, objective, limit, offset);
	}

	enum AlertFilter {
		OPEN, ALL
	}

	/**
	 * A page of the ranking, most important first (ranks count from the top of the whole
	 * ranking); the header {@code X-Total-Count} says how many unhealthy KPIs it has in all.
	 */
	@GetMapping("/focus")
	ResponseEntity<List<FocusItem>> focus(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		var page = focus.ranking(limit, offset);
		return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(page.total())).body(page.items());
	}

	/** The header that tells a paged list's whole size. */
	static final String TOTAL_COUNT = "X-Total-Count";
}
