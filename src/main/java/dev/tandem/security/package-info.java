/**
 * Sign-in and the audit trail: password sign-in through the form and HTTP Basic (throttled),
 * API tokens, optional OpenID Connect, the security headers, and the record of every change
 * that any module publishes as an {@link dev.tandem.org.AuditableChange}, with the sign-in page
 * and the administrators' audit trail page. Who may change what is decided by
 * {@link dev.tandem.org.Permissions}, which this module feeds with the signed-in person.
 * Depends on the organisation for people, their roles and their teams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = { "org", "problem", "scheduling", "sheet" })
package dev.tandem.security;
