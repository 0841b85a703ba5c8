package dev.tandem.org;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.problem.NotFoundException;

@RestController
@RequestMapping("/api")
class OrganisationApiController {

	private final Organisation organisation;

	OrganisationApiController(Organisation organisation) {
		this.organisation = organisation;
	}

	@PostMapping("/teams")
	@ResponseStatus(HttpStatus.CREATED)
	TeamView createTeam(@Valid @RequestBody NewTeam request) {
		return organisation.createTeam(request);
	}

	@GetMapping("/teams")
	List<TeamView> teams(@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return page(organisation.teams(), limit, offset);
	}

	@GetMapping("/teams/{key}")
	TeamView team(@PathVariable String key) {
		return organisation.team(key);
	}

	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	PersonView createPerson(@Valid @RequestBody NewPerson request) {
		return organisation.createPerson(request);
	}

	@GetMapping("/people")
	List<PersonView> people(@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return page(organisation.people(), limit, offset);
	}

	@GetMapping("/people/{username}")
	PersonView person(@PathVariable String username) {
		return organisation.person(username);
	}

	/** Who the credentials sent belong to: a quick check for a script's token or password. */
	@GetMapping("/me")
	PersonView me() {
		return organisation.signedIn().orElseThrow(() -> new NotFoundException("signed-in person", Actor.current()));
	}

	private static <T> List<T> page(List<T> all, int limit, int offset) {
		return all.stream().skip(offset).limit(limit).toList();
	}
}
