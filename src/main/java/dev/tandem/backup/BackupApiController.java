package dev.tandem.backup;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.org.Permissions;

/** Administrators back up the embedded database and see the backups kept. */
@RestController
class BackupApiController {

	private final Backups backups;
	private final Permissions permissions;

	BackupApiController(Backups backups, Permissions permissions) {
		this.backups = backups;
		this.permissions = permissions;
	}

	@PostMapping("/api/backups")
	@ResponseStatus(HttpStatus.CREATED)
	BackupView create() {
		permissions.requireAdmin();
		return backups.create();
	}

	@GetMapping("/api/backups")
	List<BackupView> list() {
		permissions.requireAdmin();
		return backups.list();
	}
}
