package dev.tandem.backup;

import java.time.Instant;

/**
 * One backup file.
 *
 * @param name the file's name in the backup folder
 * @param bytes its size
 * @param createdAt when it was written
 */
record BackupView(String name, long bytes, Instant createdAt) {
}
