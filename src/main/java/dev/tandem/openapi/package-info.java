/**
 * The OpenAPI 3 description of the JSON API ({@code /v3/api-docs}, browsed at
 * {@code /swagger-ui.html}): springdoc generates each operation and its schemas from the
 * {@code XxxApiController}s; this module adds what applies to all of them — the two ways to
 * authenticate, the problem-details responses every operation can give, and one tag per
 * application module — so that the controllers stay free of documentation annotations.
 * Depends on no module: it reads the controllers through Spring MVC's handler methods.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API description", allowedDependencies = "problem")
package dev.tandem.openapi;
