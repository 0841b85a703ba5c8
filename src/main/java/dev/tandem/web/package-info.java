/**
 * What every module's pages share, and the pages no module owns: the layout that each page
 * plugs into (templates/fragments/layout.html, with the signed-in person for its user menu), the
 * design system behind it (static/css/tandem.css, templates/fragments), the home page (the
 * health dashboard, what to fix first, the organisation at a glance), the error pages and the
 * template-only view helpers ({@code @pageLinks} for pagers, {@code @json} for chart
 * attributes). Each feature's pages live with the module that owns the feature. This module
 * sits on top: its home page reads the KPIs, the loop and the organisation, and no module
 * depends on it — modules reach its helpers from their templates only, as beans, never as Java
 * types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.tandem.web;
