package dev.tandem.pull;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.VersionTag;

@RestController
@RequestMapping("/api/connections")
class ConnectionApiController {

	private final Connections connections;
	private final Organisation organisation;

	ConnectionApiController(Connections connections, Organisation organisation) {
		this.connections = connections;
		this.organisation = organisation;
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<ConnectionView> create(@Valid @RequestBody ConnectionInput input) {
		var created = connections.create(input);
		return ResponseEntity.created(URI.create("/api/connections/" + created.id())).body(created);
	}

	/** Administrators and editors (who choose a connection for their team's KPIs). */
	@GetMapping
	List<ConnectionView> list() {
		if (!mayChoose()) {
			throw new ForbiddenException("Only administrators and editors may see the connections.");
		}
		return connections.list();
	}

	@GetMapping("/{id}")
	ConnectionView get(@PathVariable long id) {
		return connections.get(id);
	}

	@PutMapping("/{id}")
	ConnectionView update(@PathVariable long id, @Valid @RequestBody ConnectionInput input,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Long version = ifMatch == null ? null : VersionTag.expected(ifMatch, () -> {
			var current = connections.get(id);
			return new VersionTag.Current("The connection '" + current.name() + "'", current.version());
		});
		return connections.update(id, input, version);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		connections.delete(id);
	}

	@PostMapping("/{id}/test")
	Connections.TestResult test(@PathVariable long id) {
		return connections.test(id);
	}

	private boolean mayChoose() {
		return Actor.signedIn()
			.flatMap(organisation::findPerson)
			.filter(person -> person.active() && (person.role() == Role.ADMIN || person.role() == Role.EDITOR))
			.isPresent();
	}
}
