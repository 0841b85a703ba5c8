package dev.tandem.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.notify.OutboxMessage.Status;
import dev.tandem.org.Permissions;

/** A person's notification settings, the one-click unsubscribe page, and the administrators' deliveries. */
@Controller
class NotifyPageController {

	private static final int PAGE = 100;

	private final PersonalSettings settings;
	private final Outbox outbox;
	private final Permissions permissions;

	NotifyPageController(PersonalSettings settings, Outbox outbox, Permissions permissions) {
		this.settings = settings;
		this.outbox = outbox;
		this.permissions = permissions;
	}

	@GetMapping("/settings/notifications")
	String preferences(Model model) {
		model.addAttribute("preferences", settings.mine());
		model.addAttribute("digests", DigestFrequency.values());
		model.addAttribute("events", PersonalEvent.values());
		return "notify/settings";
	}

	@PostMapping("/settings/notifications")
	String choose(@RequestParam DigestFrequency digest, @RequestParam(defaultValue = "false") boolean email,
			@RequestParam(required = false) List<PersonalEvent> events, RedirectAttributes redirect) {
		var chosen = EnumSet.noneOf(PersonalEvent.class);
		if (events != null) {
			chosen.addAll(events);
		}
		settings.choose(new NotificationPreferences(digest, email, chosen));
		redirect.addFlashAttribute("notice", "Your notification settings are saved.");
		return "redirect:/settings/notifications";
	}

	/** The link in an e-mail: a page asking to confirm, so that a mail scanner following links unsubscribes no one. */
	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		var person = settings.holder(token);
		model.addAttribute("valid", person.isPresent());
		model.addAttribute("done", false);
		model.addAttribute("token", token);
		return "notify/unsubscribe";
	}

	/** The confirmation, and RFC 8058's one-click POST from a mail client (body {@code List-Unsubscribe=One-Click}). */
	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		boolean done = settings.unsubscribe(token);
		model.addAttribute("valid", done);
		model.addAttribute("done", done);
		model.addAttribute("token", token);
		return "notify/unsubscribe";
	}

	@GetMapping("/admin/deliveries")
	String deliveries(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int offset,
			Model model) {
		if (!permissions.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators may read the deliveries.");
		}
		var chosen = Arrays.stream(Status.values()).filter(known -> known.name().equals(status)).findFirst().orElse(null);
		var from = Math.max(0, offset);
		var rows = outbox.list(chosen, null, PAGE + 1, from);
		model.addAttribute("deliveries", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("newer", from == 0 ? null : Math.max(0, from - PAGE));
		model.addAttribute("older", rows.size() > PAGE ? from + PAGE : null);
		return "notify/deliveries";
	}
}
