/**
 * Sign-in and permissions: who may call which endpoint and open which page, checked in one
 * place. Depends on the organisation for people, their roles and their teams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = { "org", "problem" })
package dev.tandem.security;
