package dev.paperboy.admin.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OpenAPI documents, in two groups: the public API ({@code /v3/api-docs/public}) and
 * the admin API ({@code /v3/api-docs/admin}, bearer tokens). Spring answers errors as
 * problem details (RFC 9457, {@code application/problem+json}); the statuses Spring
 * itself gives (a malformed body, a wrong media type, a refused token) are added to every
 * operation they can happen to, and the public endpoints' own ones by path here.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM = "#/components/schemas/Problem";

	static final String BEARER = "bearer";

	@Bean
	OpenAPI paperboyOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		return new OpenAPI().info(new Info().title("Paperboy")
			.version(version)
			.description("Get trending papers in your email inbox: the public API (papers, sign-up and "
					+ "subscriptions) and the admin API (bearer tokens). Errors are problem details (RFC 9457).")
			// the repository has no licence file: no rights are granted beyond reading
			// the code
			.license(new License().name("All rights reserved")));
	}

	// Swagger UI sets a few style attributes from its scripts: its pages may use inline
	// styles (never inline scripts). The security chain keeps a policy a response has.
	static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> swaggerUiPolicy() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
						chain.doFilter(request, response);
					}

				});
		registration.addUrlPatterns("/swagger-ui/*");
		return registration;
	}

	@Bean
	GroupedOpenApi publicApiDocument() {
		return GroupedOpenApi.builder()
			.group("public")
			.displayName("Public API")
			.pathsToMatch("/api/v1/papers", "/api/v1/papers/**", "/api/v1/subscriptions", "/api/v1/subscriptions/**")
			.addOpenApiCustomizer((openApi) -> {
				operations(openApi, (path, method, operation) -> {
					operation.setSecurity(List.of()); // open to everyone
					PublicResponses.add(path, method, operation);
					springErrors(operation);
				});
				PublicResponses.schemas(openApi);
				tagsAndServers(openApi, Map.of("Subscriptions", "Sign up, read and change a profile, unsubscribe",
						"Paper", "Search and read the paper catalog"));
			})
			.build();
	}

	@Bean
	GroupedOpenApi adminApiDocument() {
		return GroupedOpenApi.builder()
			.group("admin")
			.displayName("Admin API")
			.pathsToMatch("/api/v1/admin/**")
			.addOpenApiCustomizer((openApi) -> {
				openApi.getComponents()
					.addSecuritySchemes(BEARER,
							new SecurityScheme().type(SecurityScheme.Type.HTTP)
								.scheme("bearer")
								.description("The bootstrap token (paperboy.admin.api-token) or a personal API token "
										+ "from the console"));
				Set<String> answered = new HashSet<>();
				operations(openApi, (path, method, operation) -> {
					operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
					springErrors(operation);
					operation.getResponses()
						.addApiResponse("401", problem("No token, or not a valid one (with WWW-Authenticate: Bearer)"));
					operation.getResponses().addApiResponse("403", problem("The token's role may not do this"));
					AdminResponses.add(path, method, operation, answered);
				});
				AdminResponses.checkEveryEntryUsed(answered);
				tagsAndServers(openApi, Map.of());
			})
			.build();
	}

	/** What Spring answers itself before or around any controller. */
	static void springErrors(Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean body = operation.getRequestBody() != null;
		boolean convertedParameters = operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "query".equals(parameter.getIn()) || !isString(parameter));
		if (body || convertedParameters) {
			responses.addApiResponse("400", problem("The request is not valid: " + (body
					? "a body that is not well-formed, or a field that is not valid (named in the field property)"
					: "a parameter that is not valid")));
		}
		if (body) {
			responses.addApiResponse("415", problem("The body's Content-Type is not one this operation reads"));
			if (operation.getRequestBody().getContent() != null
					&& operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
				responses.addApiResponse("413",
						problem("The upload is larger than spring.servlet.multipart.max-file-size"));
			}
		}
		if (operation.getSummary() == null && operation.getOperationId() != null) {
			operation.setSummary(sentence(operation.getOperationId()));
		}
	}

	static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
	}

	static ApiResponse problem(String description, String header, Header value) {
		return problem(description).headers(Map.of(header, value));
	}

	private static boolean isString(Parameter parameter) {
		return parameter.getSchema() == null || "string".equals(parameter.getSchema().getType())
				|| (parameter.getSchema().getTypes() != null && parameter.getSchema().getTypes().contains("string"));
	}

	// "retryFailed_1" -> "Retry failed"
	private static String sentence(String operationId) {
		String words = Arrays.stream(operationId.replaceAll("_\\d+$", "").split("(?=[A-Z])"))
			.map(String::toLowerCase)
			.collect(Collectors.joining(" "));
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	// Tags named after their controllers ("fetch-run-controller") are named after what
	// they
	// serve ("Fetch run"), and every tag used is described.
	private static void tagsAndServers(OpenAPI openApi, Map<String, String> descriptions) {
		openApi.getComponents().addSchemas("Problem", problemSchema());
		operations(openApi, (path, method, operation) -> {
			if (operation.getTags() != null) {
				operation.setTags(operation.getTags().stream().map(ApiDocumentation::tagName).toList());
			}
		});
		List<String> used = openApi.getPaths()
			.values()
			.stream()
			.flatMap((item) -> item.readOperations().stream())
			.flatMap((operation) -> (operation.getTags() != null) ? operation.getTags().stream()
					: java.util.stream.Stream.empty())
			.distinct()
			.sorted()
			.toList();
		openApi
			.setTags(used.stream()
				.map((name) -> new Tag().name(name)
					.description(descriptions.getOrDefault(name,
							sentence(name.replace("-controller", "").replace('-', ' ')))))
				.toList());
	}

	private static String tagName(String tag) {
		if (!tag.endsWith("-controller")) {
			return tag;
		}
		String words = tag.substring(0, tag.length() - "-controller".length()).replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("A problem detail (RFC 9457)")
			.addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().format("int32").example(400))
			.addProperty("detail", new StringSchema().example("Please check the time zone."))
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("field", new StringSchema().description("The field that is not valid, on a 400 about one"));
	}

	static void operations(OpenAPI openApi, OperationVisitor visitor) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			visitor.visit(path, method, operation);
		}));
	}

	@FunctionalInterface
	interface OperationVisitor {

		void visit(String path, PathItem.HttpMethod method, Operation operation);

	}

}
