package dev.tandem.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Adds to every operation the problem-details responses it can give, in one place rather than
 * on eighty handler methods: 401/403/429 anywhere (the security's problems), 400 where there is
 * input, 404 where the path names something, 409 for changes, 412 where {@code If-Match} is
 * read, 413/415 where a body is sent. A response an operation documents itself is kept.
 */
class ProblemResponses implements GlobalOpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	private static final String SCHEMA = "ProblemDetail";

	@Override
	public void customise(OpenAPI api) {
		ModelConverters.getInstance(true).readAll(ProblemDescription.class)
			.forEach((name, schema) -> api.getComponents().addSchemas(name, schema));
		api.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> describe(path, method, operation)));
	}

	private static void describe(String path, HttpMethod method, Operation operation) {
		var problems = new LinkedHashMap<String, String>();
		if (operation.getRequestBody() != null || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
			problems.put("400", "The input is invalid; errors lists each field to fix");
		}
		problems.put("401", "No credentials, or wrong ones: send HTTP Basic or 'Authorization: Bearer <token>'");
		problems.put("403", "The signed-in person may not do this");
		if (path.contains("{")) {
			problems.put("404", "What the path names does not exist");
		}
		if (method != HttpMethod.GET) {
			problems.put("409", "The change clashes with the current state (a duplicate, a stale version, a closed cycle)");
		}
		if (operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
			problems.put("412", "The If-Match version is no longer the current one");
		}
		if (operation.getRequestBody() != null) {
			problems.put("413", "The request body is larger than the limit");
			problems.put("415", "The request body's Content-Type is not one this operation reads");
		}
		problems.put("429", "Too many failed sign-ins for this username; Retry-After says when to try again");
		add(operation, problems);
	}

	private static void add(Operation operation, Map<String, String> problems) {
		problems.forEach((status, description) -> {
			if (!operation.getResponses().containsKey(status)) {
				operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
					.content(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
			}
		});
	}
}
