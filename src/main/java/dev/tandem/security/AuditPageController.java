package dev.tandem.security;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.tandem.org.Permissions;

/** The audit trail for administrators to browse, a page at a time, newest first. */
@Controller
class AuditPageController {

	private static final int PAGE = 50;

	private final AuditTrail trail;
	private final Permissions permissions;

	AuditPageController(AuditTrail trail, Permissions permissions) {
		this.trail = trail;
		this.permissions = permissions;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int offset, Model model) {
		if (!permissions.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators may read the audit trail.");
		}
		var from = Math.max(0, offset);
		var events = trail.events(new AuditQuery(actor, type, PAGE + 1, from));
		model.addAttribute("events", events.size() > PAGE ? events.subList(0, PAGE) : events);
		model.addAttribute("actor", actor);
		model.addAttribute("type", type);
		model.addAttribute("newer", from == 0 ? null : Math.max(0, from - PAGE));
		model.addAttribute("older", events.size() > PAGE ? from + PAGE : null);
		return "security/audit";
	}
}
