package dev.tandem.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.TandemTest;

/**
 * The description cannot fall behind: every path of the contract (docs/API.md, a copy of
 * ../shared/API.md) and every mapping under /api that the application has appears in
 * /v3/api-docs, with its method — except the contract's paths that are not built yet, which
 * are listed here and must still be absent, so the list shrinks as they land.
 */
@TandemTest
class ApiDescriptionTests {

	static final Path CONTRACT = Path.of("docs/API.md");

	static final Path SHARED_CONTRACT = Path.of("../shared/API.md");

	/**
	 * Contract paths with no endpoint yet: other issues build them. Remove an entry when its
	 * endpoint lands — {@link #pathsNotBuiltYetAreStillAbsent()} fails until you do.
	 */
	static final Set<String> NOT_BUILT_YET = Set.of();

	/** "GET /api/kpis/{key}/measurements?from=&to=" and the like; the method is optional in prose. */
	private static final Pattern CONTRACT_PATH = Pattern.compile("(?:\\b(GET|POST|PUT|DELETE|PATCH) )?(/api/[A-Za-z0-9_{}./-]*[A-Za-z0-9_}])");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	private String description;

	private Map<String, Map<String, Object>> described;

	@BeforeEach
	void readDescription() throws IOException {
		var response = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(response).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		description = response.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Map<String, Map<String, Object>> paths = JsonPath.read(description, "$.paths");
		described = paths.entrySet().stream().collect(Collectors.toMap(e -> normalise(e.getKey()), Map.Entry::getValue, (a, b) -> {
			throw new IllegalStateException("two described paths differ only in placeholder names");
		}));
	}

	@Test
	void theContractCopyIsTheSharedContract() throws IOException {
		assertThat(CONTRACT).as("docs/API.md, the contract the coverage test reads").exists();
		if (Files.exists(SHARED_CONTRACT)) {
			assertThat(Files.readString(CONTRACT)).as("docs/API.md must be an exact copy of ../shared/API.md: copy it again")
				.isEqualTo(Files.readString(SHARED_CONTRACT));
		}
	}

	@Test
	void everyContractPathIsDescribed() throws IOException {
		var contract = contractEndpoints();
		assertThat(contract).as("the contract's paths were read").hasSizeGreaterThan(50);
		var missing = new TreeSet<String>();
		for (var endpoint : contract) {
			if (!NOT_BUILT_YET.contains(endpoint) && !isDescribed(endpoint)) {
				missing.add(endpoint);
			}
		}
		assertThat(missing).as("API.md paths missing from /v3/api-docs (or to add to NOT_BUILT_YET if no one built them yet)")
			.isEmpty();
	}

	@Test
	void pathsNotBuiltYetAreStillAbsent() throws IOException {
		var mapped = mappedApiEndpoints();
		assertThat(NOT_BUILT_YET).as("NOT_BUILT_YET lists contract paths only").allSatisfy(endpoint ->
			assertThat(contractEndpoints()).contains(endpoint));
		assertThat(NOT_BUILT_YET.stream().filter(mapped::contains).sorted().toList())
			.as("these are built now: take them off NOT_BUILT_YET, so the coverage test checks them").isEmpty();
	}

	@Test
	void everyApiMappingIsDescribed() {
		var mapped = mappedApiEndpoints();
		assertThat(mapped).as("the application's /api mappings were read").hasSizeGreaterThan(50);
		assertThat(mapped.stream().filter(endpoint -> !isDescribed(endpoint)).sorted().toList())
			.as("/api mappings missing from /v3/api-docs").isEmpty();
	}

	@Test
	void describesTheJsonApiOnly() {
		assertThat(described.keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/"));
	}

	@Test
	void describesBothWaysToAuthenticateOnEveryOperation() {
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.components.securitySchemes.basicAuth"))
			.containsEntry("type", "http").containsEntry("scheme", "basic");
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.components.securitySchemes.bearerToken"))
			.containsEntry("type", "http").containsEntry("scheme", "bearer");
		assertThat(JsonPath.<List<Map<String, Object>>>read(description, "$.security"))
			.containsExactly(Map.of("basicAuth", List.of()), Map.of("bearerToken", List.of()));
	}

	@Test
	void describesTheProblemResponsesWithTheirErrors() {
		var put = "$.paths['/api/kpis/{key}'].put";
		assertThat(JsonPath.<Map<String, Object>>read(description, put + ".responses").keySet())
			.contains("200", "400", "401", "403", "404", "409", "412", "413", "415");
		assertThat(JsonPath.<String>read(description, put + ".responses.400.content['application/problem+json'].schema.$ref"))
			.isEqualTo("#/components/schemas/ProblemDetail");
		assertThat(JsonPath.<String>read(description, put + ".requestBody.content['application/json'].schema.$ref"))
			.isEqualTo("#/components/schemas/KpiDefinition");
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.components.schemas.ProblemDetail.properties").keySet())
			.contains("type", "title", "status", "detail", "errors");
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.components.schemas.FieldProblem.properties").keySet())
			.containsExactlyInAnyOrder("field", "message");
		// a read names no body, so it cannot be too large or of the wrong type
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.paths['/api/kpis'].get.responses").keySet())
			.doesNotContain("404", "409", "412", "413", "415");
	}

	@Test
	void describesTheBodiesThatAreStreamedRatherThanBound() {
		assertThat(JsonPath.<Map<String, Object>>read(description,
				"$.paths['/api/kpis/{key}/measurements/import'].post.requestBody.content").keySet())
			.contains("text/csv", "multipart/form-data");
		assertThat(JsonPath.<String>read(description,
				"$.paths['/api/measurements'].post.requestBody.content['application/json'].schema.items.$ref"))
			.isEqualTo("#/components/schemas/BulkMeasurement");
		assertThat(JsonPath.<String>read(description,
				"$.paths['/api/health'].get.responses.200.content['application/json'].schema.items.$ref"))
			.isEqualTo("#/components/schemas/KpiHealth");
	}

	@Test
	void tagsEachOperationWithItsModule() {
		assertThat(JsonPath.<List<String>>read(description, "$.paths['/api/kpis'].get.tags")).containsExactly("kpi");
		assertThat(JsonPath.<List<String>>read(description, "$.paths['/api/objectives'].post.tags")).containsExactly("okr");
		assertThat(JsonPath.<List<String>>read(description, "$.paths..tags[*]")).isSubsetOf(ApiDescription.MODULES.keySet());
	}

	@Test
	void namesEachOperationOnce() {
		var ids = JsonPath.<List<String>>read(description, "$.paths.*.*.operationId");
		assertThat(ids).as("operation ids").doesNotHaveDuplicates().contains("kpiCreate", "objectiveCreate");
		// the audit's before/after are any JSON, not Jackson's JsonNode read as a bean
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.components.schemas.AuditEventView.properties.before"))
			.doesNotContainKeys("properties", "$ref");
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.components.schemas")).doesNotContainKey("JsonNode");
	}

	@Test
	void createdIsDescribedAs201() {
		assertThat(JsonPath.<Map<String, Object>>read(description, "$.paths['/api/kpis'].post.responses").keySet())
			.contains("201").doesNotContain("200");
	}

	@Test
	void swaggerUiAloneMayUseInlineStylesAndNoPageInlineScripts() {
		var ui = mvc.get().uri("/swagger-ui/index.html").exchange();
		assertThat(ui).hasStatusOk();
		assertThat(ui.getResponse().getHeader("Content-Security-Policy"))
			.contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
		var login = mvc.get().uri("/login").exchange();
		assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("style-src 'self';")
			.doesNotContain("unsafe-inline");
	}

	private boolean isDescribed(String endpoint) {
		var space = endpoint.indexOf(' ');
		var path = described.get(endpoint.substring(space + 1));
		return path != null && (space < 0 || path.containsKey(endpoint.substring(0, space).toLowerCase()));
	}

	/** "METHOD /api/path" (or "/api/path" where the prose names no method), placeholders as {}. */
	static Set<String> contractEndpoints() throws IOException {
		var endpoints = new TreeSet<String>();
		var matcher = CONTRACT_PATH.matcher(Files.readString(CONTRACT));
		while (matcher.find()) {
			var path = normalise(matcher.group(2));
			endpoints.add(matcher.group(1) == null ? path : matcher.group(1) + " " + path);
		}
		// a path named once with its method needs no method-less check as well
		endpoints.removeIf(e -> !e.contains(" ") && endpoints.stream().anyMatch(other -> other.endsWith(" " + e)));
		return endpoints;
	}

	/** What Spring MVC maps under /api, from the handler mapping rather than from scanning annotations. */
	private Set<String> mappedApiEndpoints() {
		var endpoints = new TreeSet<String>();
		context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
			mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
				.filter(pattern -> pattern.startsWith("/api/"))
				.forEach(pattern -> {
					var methods = info.getMethodsCondition().getMethods();
					assertThat(methods).as("an /api mapping without a method: " + pattern).isNotEmpty();
					methods.forEach(method -> endpoints.add(method.name() + " " + normalise(pattern)));
				})));
		return endpoints;
	}

	private static String normalise(String path) {
		return path.replaceAll("\\{[^}]*}", "{}");
	}
}
