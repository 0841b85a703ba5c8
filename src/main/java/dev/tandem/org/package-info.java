/**
 * The organisation: a tree of teams (company, department, team), the people in them and their
 * roles. Every KPI and OKR belongs to a team; this module answers who is who and who belongs
 * where, and depends on nothing else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = "problem")
package dev.tandem.org;
