package dev.tandem.org;

/** A person as a picker shows them: the username a form carries and the name people read. */
public record PersonName(String username, String displayName) {
}
