package dev.paperboy.admin.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The public endpoints' own answers, as their controllers
 * (subscription/web/SubscriptionApi, papers/web/PaperController) give them.
 */
final class PublicResponses {

	private PublicResponses() {
	}

	static void add(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		if (path.equals("/api/v1/subscriptions") && method == PathItem.HttpMethod.POST) {
			responses.remove("200");
			responses.addApiResponse("202",
					new ApiResponse()
						.description("Accepted, the same answer whatever the address's state: if it can receive mail, "
								+ "a confirmation email is on its way")
						.content(new Content().addMediaType("application/json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/SignUpAccepted")))));
			responses.addApiResponse("429",
					ApiDocumentation.problem("Too many sign-ups from this client or for this address", "Retry-After",
							new Header().description("Seconds to wait before trying again")
								.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE))));
		}
		if (path.startsWith("/api/v1/subscriptions") && method != PathItem.HttpMethod.GET) {
			responses.addApiResponse("413", ApiDocumentation.problem("The body is larger than "
					+ "paperboy.subscription.max-request-body-size (64 KB by default); refused before it is read"));
		}
		if (operation.getRequestBody() != null && path.startsWith("/api/v1/subscriptions")) {
			responses.addApiResponse("400", ApiDocumentation.problem("The body is not valid: a field unknown or "
					+ "missing, a key given twice, a value of the wrong type, a fraction where a whole number goes "
					+ "or a number out of range; the problem's field property names it"));
			responses.addApiResponse("415", ApiDocumentation.problem("The body is not application/json"));
		}
		if (path.startsWith("/api/v1/subscriptions/{token}")) {
			responses.addApiResponse("404", ApiDocumentation.problem("The token is not valid (any more): "
					+ "tampered, expired, for another purpose, or its subscriber was erased"));
		}
		if (path.equals("/api/v1/papers") && operation.getSummary() == null) {
			operation.setSummary("Search the catalog, newest first");
		}
		if (path.equals("/api/v1/papers/{key}")) {
			operation.setSummary("Read a paper, by key or arXiv id, with its popularity history");
			responses.addApiResponse("404", ApiDocumentation.problem("No paper has this key or arXiv id"));
		}
	}

	static void schemas(OpenAPI openApi) {
		openApi.getComponents()
			.addSchemas("SignUpAccepted",
					new ObjectSchema().addProperty("status", new StringSchema().example("pending"))
						.addProperty("message", new StringSchema()
							.example("If the address can receive mail, a confirmation email is on its way.")));
	}

}
