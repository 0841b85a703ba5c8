package dev.tandem.security;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.org.Permissions;
import dev.tandem.sheet.Sheet;
import dev.tandem.sheet.SheetDownload;
import dev.tandem.sheet.SheetFormat;

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

	/** The whole trail (or one actor's, one kind's) as CSV or XLSX, newest first, streamed. */
	@GetMapping(path = "/api/audit", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void eventsSheet(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, HttpServletResponse response) {
		export(actor, type, SheetDownload.accepted(accept), response);
	}

	@GetMapping(path = "/api/audit", params = "format", produces = { SheetFormat.CSV_MEDIA_TYPE, SheetFormat.XLSX_MEDIA_TYPE })
	void eventsExport(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			@RequestParam String format, HttpServletResponse response) {
		export(actor, type, SheetFormat.of(format), response);
	}

	private void export(String actor, String type, SheetFormat format, HttpServletResponse response) {
		permissions.requireAdmin();
		try (var rows = SheetDownload.open(response, AUDIT, format, "audit-trail")) {
			trail.each(new AuditQuery(actor, type, 0, 0), rows::add);
		}
	}

	private static final Sheet<AuditTrail.ExportedEvent> AUDIT = Sheet.<AuditTrail.ExportedEvent>named("Audit trail")
		.column("at", AuditTrail.ExportedEvent::at)
		.column("actor", AuditTrail.ExportedEvent::actor)
		.column("type", AuditTrail.ExportedEvent::type)
		.column("subject", AuditTrail.ExportedEvent::subject)
		.column("summary", AuditTrail.ExportedEvent::summary)
		.column("before", AuditTrail.ExportedEvent::before)
		.column("after", AuditTrail.ExportedEvent::after)
		.column("id", AuditTrail.ExportedEvent::id);
}
