/**
 * The pages a team lives in: one layout (head, navigation, user menu, footer) that every
 * module's pages plug into, the design system behind it, the home page, friendly error pages,
 * and the few view helpers templates share (pagination links, JSON for chart attributes). It
 * sits on top: it may read every module's API, and no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.tandem.web;
