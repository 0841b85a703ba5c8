package dev.tandem.review;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@RestController
class ReviewApiController {

	private final Reviews reviews;

	ReviewApiController(Reviews reviews) {
		this.reviews = reviews;
	}

	record DecisionRequest(String action, String owner, LocalDate due) {
	}

	record DecisionChangeRequest(Boolean done, String action, String owner, LocalDate due, Long version) {
	}

	record CadenceRequest(@NotNull ReviewCadence cadence) {
	}

	@PostMapping("/api/teams/{key}/reviews")
	ResponseEntity<ReviewView> start(@PathVariable String key) {
		var review = reviews.start(key);
		return ResponseEntity.created(URI.create("/api/reviews/" + review.id())).body(review);
	}

	@GetMapping("/api/reviews")
	List<ReviewSummary> list(@RequestParam(required = false) String team,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return reviews.list(team, limit, offset);
	}

	@GetMapping("/api/reviews/{id}")
	ReviewView get(@PathVariable long id) {
		return reviews.get(id);
	}

	@PostMapping("/api/reviews/{id}/decisions")
	ResponseEntity<DecisionView> decide(@PathVariable long id, @RequestBody DecisionRequest request) {
		var decision = reviews.decide(id, new Reviews.NewDecision(request.action(), request.owner(), request.due()));
		return ResponseEntity.created(URI.create("/api/decisions/" + decision.id())).body(decision);
	}

	@PutMapping("/api/decisions/{id}")
	DecisionView update(@PathVariable long id, @RequestBody DecisionChangeRequest request) {
		return reviews.update(id, new Reviews.DecisionChange(request.done(), request.action(), request.owner(),
				request.due(), request.version()));
	}

	@GetMapping("/api/teams/{key}/review-cadence")
	Reviews.CadenceView cadence(@PathVariable String key) {
		return reviews.cadence(key);
	}

	@PutMapping("/api/teams/{key}/review-cadence")
	Reviews.CadenceView setCadence(@PathVariable String key, @Valid @RequestBody CadenceRequest request) {
		return reviews.setCadence(key, request.cadence());
	}
}
