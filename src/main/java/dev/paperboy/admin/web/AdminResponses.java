package dev.paperboy.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/**
 * The admin endpoints' own error answers (beyond 400, 401, 403 and 415, which every
 * operation documents), as their controllers and services give them; the test document
 * cannot be made while one of them names no operation.
 */
final class AdminResponses {

	static final Map<String, Map<String, String>> ANSWERS = new LinkedHashMap<>();

	static {
		answer("POST /api/v1/admin/subscribers", "409", "The address is already subscribed");
		String subscriber = "No such subscriber";
		answer("GET /api/v1/admin/subscribers/{id}", "404", subscriber);
		answer("GET /api/v1/admin/subscribers/{id}/digests", "404", subscriber);
		answer("POST /api/v1/admin/subscribers/{id}/confirmation", "409",
				"The subscriber is not pending, or the address is suppressed");
		answer("POST /api/v1/admin/subscribers/{id}/digest", "409",
				"No such active subscriber, or nothing to send them now");
		answer("GET /api/v1/admin/subscribers/{id}/digest/preview", "404", subscriber);
		answer("GET /api/v1/admin/subscriber-imports/{id}", "404",
				"No such import (runs are kept in memory by the instance that ran them, until it restarts)");
		answer("POST /api/v1/admin/digests/test", "409", "The address is suppressed");
		answer("POST /api/v1/admin/deliveries/{id}/retry", "409", "No failed delivery with that id");
		answer("GET /api/v1/admin/papers/{id}", "404", "No such paper");
		answer("POST /api/v1/admin/papers/{id}/hide", "404", "No such paper");
		answer("POST /api/v1/admin/papers/{id}/unhide", "404", "No such paper");
		answer("GET /api/v1/admin/fetch-runs/{id}", "404", "No such fetch run");
		answer("POST /api/v1/admin/sources/{name}/fetch", "404", "No such source");
		answer("POST /api/v1/admin/sources/{name}/fetch", "409",
				"The source is disabled in configuration, or a run of it is under way");
		answer("DELETE /api/v1/admin/suppressions/{key}", "404", "The address is not on the suppression list");
		answer("POST /api/v1/admin/users", "409", "There is already a user of that name");
		String lastAdmin = "The change would leave no enabled admin";
		answer("PATCH /api/v1/admin/users/{id}", "404", "No such user");
		answer("PATCH /api/v1/admin/users/{id}", "409", lastAdmin);
		answer("DELETE /api/v1/admin/users/{id}", "404", "No such user");
		answer("DELETE /api/v1/admin/users/{id}", "409", lastAdmin);
		answer("DELETE /api/v1/admin/users/{id}/second-factor", "404", "No such user");
		answer("DELETE /api/v1/admin/tokens/{id}", "404", "No such token");
	}

	private AdminResponses() {
	}

	private static void answer(String operation, String status, String description) {
		ANSWERS.computeIfAbsent(operation, (key) -> new LinkedHashMap<>()).put(status, description);
	}

	static void add(String path, PathItem.HttpMethod method, Operation operation, Set<String> answered) {
		String key = method + " " + path;
		ANSWERS.getOrDefault(key, Map.of())
			.forEach((status, description) -> operation.getResponses()
				.addApiResponse(status, ApiDocumentation.problem(description)));
		answered.add(key);
	}

	/**
	 * Fails on an entry of the table that names no operation (a route renamed or gone),
	 * so that the table cannot silently fall behind the controllers.
	 * @param answered the operations of the document
	 */
	static void checkEveryEntryUsed(Set<String> answered) {
		Set<String> unused = new TreeSet<>(ANSWERS.keySet());
		unused.removeAll(answered);
		if (!unused.isEmpty()) {
			throw new IllegalStateException("AdminResponses names operations the admin API does not have: " + unused);
		}
	}

}
