package dev.tandem.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * What springdoc cannot see in the controllers: who the API is, how a caller authenticates
 * (either scheme will do, on every operation), one tag per application module, and the
 * problem-details responses of {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String BASIC = "basicAuth";

	static final String BEARER = "bearerToken";

	/** The application modules that have API controllers, as tags: a module's package name is its tag. */
	static final Map<String, String> MODULES = modules();

	private static Map<String, String> modules() {
		var modules = new LinkedHashMap<String, String>();
		modules.put("org", "Teams, people and their roles");
		modules.put("kpi", "KPI definitions, measurements and health");
		modules.put("ingest", "Bulk and CSV measurement import");
		modules.put("okr", "Cycles, objectives, key results and check-ins");
		modules.put("loop", "Proposals, graduations, guardrail alerts, focus and the coach");
		modules.put("imports", "Importing OKRs and KPIs from CSV and XLSX spreadsheets");
		modules.put("security", "API tokens and the audit trail");
		modules.put("backup", "Online backups of the embedded database");
		modules.put("pull", "Scheduled pulls: connections and runs");
		modules.put("review", "KPI reviews, decisions, check-in reminders and digests");
		modules.put("notify", "Notification preferences, chat channels and webhooks, and their deliveries");
		return modules;
	}

	static {
		// the audit trail's before/after are any JSON, not a bean of Jackson's node accessors
		SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
				new Schema<>().description("Any JSON value"));
	}

	@Bean
	OpenAPI tandemApi() {
		var api = new OpenAPI().info(new Info().title("Tandem API")
			.version("1")
			.description("KPIs and OKRs as one system. JSON everywhere; times are ISO-8601 instants, dates ISO-8601 dates. "
					+ "Errors are RFC 9457 problem details (application/problem+json). Authenticate with HTTP Basic "
					+ "or an API token (POST /api/tokens) sent as `Authorization: Bearer <token>`."))
			.components(new Components()
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
					.description("A person's username and password"))
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("An API token from POST /api/tokens")))
			// two requirements, either of which will do
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
		MODULES.forEach((module, description) -> api.addTagsItem(new Tag().name(module).description(description)));
		return api;
	}

	/**
	 * Tags by module instead of springdoc's one tag per controller class ("kpi-api-controller"),
	 * and operation ids a client generator can name methods after ("kpiCreate", not "create_3").
	 */
	@Bean
	GlobalOperationCustomizer moduleTags() {
		return (operation, handler) -> {
			var packageName = handler.getBeanType().getPackageName();
			var module = packageName.substring(packageName.indexOf("dev.tandem.") + "dev.tandem.".length()).split("\\.")[0];
			operation.setTags(List.of(module));
			var controller = handler.getBeanType().getSimpleName().replace("ApiController", "");
			var method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			return operation;
		};
	}

	@Bean
	GlobalOpenApiCustomizer problemResponses() {
		return new ProblemResponses();
	}
}
