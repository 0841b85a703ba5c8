/**
 * The organisation: a tree of teams (company, department, team), the people in them and their
 * roles. Every KPI and OKR belongs to a team; this module answers who is who and who belongs
 * where (with the teams and owners a form offers, {@link dev.tandem.org.Assignments}), says how
 * the organisation's days and moments read ({@link dev.tandem.org.TimeFormat}), holds the
 * administrators' pages, and depends on nothing else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = "problem")
package dev.tandem.org;
