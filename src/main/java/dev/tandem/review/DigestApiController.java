package dev.tandem.review;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ForbiddenException;

@RestController
class DigestApiController {

	private final Digests digests;
	private final Organisation organisation;
	private final Permissions permissions;
	private final CadenceSettings settings;

	DigestApiController(Digests digests, Organisation organisation, Permissions permissions, CadenceSettings settings) {
		this.digests = digests;
		this.organisation = organisation;
		this.permissions = permissions;
		this.settings = settings;
	}

	enum Format {
		json, html, text
	}

	/** The digest the signed-in person would receive now; {@code format=html} the e-mail's HTML body, {@code text} its text. */
	@GetMapping(value = "/api/me/digest", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE,
			MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<?> digest(@RequestParam(defaultValue = "json") Format format) {
		var me = organisation.signedIn().orElseThrow(() -> new ForbiddenException("Sign in to see your digest."));
		var digest = digests.of(me.username());
		return switch (format) {
			case json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(digest);
			case html -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(DigestMail.html(digest, settings, "Your Tandem digest for " + digest.period()));
			case text -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(DigestMail.text(digest, settings));
		};
	}

	@PostMapping("/api/digests/send")
	Digests.Sent send() {
		permissions.requireAdmin();
		return digests.sendDue(false);
	}
}
