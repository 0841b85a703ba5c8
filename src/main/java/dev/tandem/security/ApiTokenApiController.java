package dev.tandem.security;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
class ApiTokenApiController {

	private final ApiTokens tokens;

	ApiTokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CreatedApiToken create(@Valid @RequestBody ApiTokenRequest request) {
		return tokens.create(request);
	}

	/** The signed-in person's tokens; an administrator may ask for anyone's with {@code ?person=}. */
	@GetMapping
	List<ApiTokenView> list(@RequestParam(required = false) String person) {
		return tokens.list(person);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id) {
		tokens.revoke(id);
	}
}
