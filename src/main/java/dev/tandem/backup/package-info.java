/**
 * Online backups of the embedded database: an administrator asks for one (the API, or a cron
 * job with an API token) and H2 writes a consistent copy of the database file as a zip while
 * Tandem keeps serving; restoring is unzipping it into an empty data folder while Tandem is
 * stopped (docs/operations.md). On PostgreSQL, backups are the database's own business
 * ({@code pg_dump}), and asking Tandem for one says so.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backups", allowedDependencies = { "org", "problem" })
package dev.tandem.backup;
