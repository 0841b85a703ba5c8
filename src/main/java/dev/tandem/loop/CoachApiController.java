package dev.tandem.loop;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.org.Actor;
import dev.tandem.problem.ForbiddenException;

@RestController
class CoachApiController {

	private final Coach coach;
	private final Owed owed;

	CoachApiController(Coach coach, Owed owed) {
		this.coach = coach;
		this.owed = owed;
	}

	/** The coach's findings for a cycle (default: the current one), a team, or one objective. */
	@GetMapping("/api/coach")
	List<CoachFinding> findings(@RequestParam(required = false) Long cycle, @RequestParam(required = false) String team,
			@RequestParam(required = false) Long objective) {
		return coach.findings(cycle, team, objective);
	}

	/** The coach's checks on an objective being written, before it is saved. */
	@PostMapping("/api/coach/check")
	List<CoachFinding> check(@Valid @RequestBody CoachDraft draft) {
		return coach.check(draft);
	}

	@GetMapping("/api/me/owed")
	OwedView owed() {
		return owed.of(Actor.signedIn().orElseThrow(() -> new ForbiddenException("Sign in to see what you owe.")));
	}
}
