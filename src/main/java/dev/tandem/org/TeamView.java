package dev.tandem.org;

/** A team as other modules and the API see it. */
public record TeamView(long id, String key, String name, String parentKey) {
}
