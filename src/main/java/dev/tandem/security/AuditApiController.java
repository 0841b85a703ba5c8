package dev.tandem.security;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.org.Permissions;

@RestController
class AuditApiController {

	private final AuditTrail trail;
	private final Permissions permissions;

	AuditApiController(AuditTrail trail, Permissions permissions) {
		this.trail = trail;
		this.permissions = permissions;
	}

	/** Newest first. {@code type=kpi} matches every kpi.* event; {@code actor} is a username or "system". */
	@GetMapping("/api/audit")
	List<AuditEventView> events(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String type) {
		permissions.requireAdmin();
		return trail.events(new AuditQuery(actor, type, limit, offset));
	}
}
