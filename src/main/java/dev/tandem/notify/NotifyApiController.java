package dev.tandem.notify;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.notify.OutboxMessage.Status;

@RestController
class NotifyApiController {

	private final PersonalSettings settings;
	private final Channels channels;
	private final Outbox outbox;

	NotifyApiController(PersonalSettings settings, Channels channels, Outbox outbox) {
		this.settings = settings;
		this.channels = channels;
		this.outbox = outbox;
	}

	@GetMapping("/api/me/notifications")
	NotificationPreferences preferences() {
		return settings.mine();
	}

	@PutMapping("/api/me/notifications")
	NotificationPreferences choose(@Valid @RequestBody PreferencesRequest request) {
		return settings.choose(request.preferences());
	}

	@PostMapping("/api/channels")
	@ResponseStatus(HttpStatus.CREATED)
	ChannelView create(@Valid @RequestBody ChannelRequest request) {
		return channels.create(request);
	}

	/** The channels the signed-in person may manage: all for an administrator, their teams' for an editor. */
	@GetMapping("/api/channels")
	List<ChannelView> channels() {
		return channels.list();
	}

	@DeleteMapping("/api/channels/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		channels.delete(id);
	}

	/** The channel's deliveries, newest first. */
	@GetMapping("/api/channels/{id}/deliveries")
	List<DeliveryView> deliveries(@PathVariable long id, @RequestParam(required = false) Status status,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		channels.manageable(id);
		return outbox.list(status, id, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset)).stream()
			.map(DeliveryView::of)
			.toList();
	}
}
