/**
 * What can go wrong, in the domain's terms, and how the HTTP API says so: every module throws
 * these exceptions and one advice turns them into RFC 9457 problem details, so that bad input
 * is always a 4xx with a message that says what to fix and never an echoed stack trace.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problems")
package dev.tandem.problem;
