package dev.paperboy.admin;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.admin.users.ApiTokenService;
import dev.paperboy.admin.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every mapped route under {@code /admin/**} and {@code /api/v1/admin/**}, with
 * every method it takes, and shows that anonymous requests and requests from a role
 * without the right are refused. Who needs what is this test's own table
 * ({@link #needs}), written apart from the security configuration: a new route that the
 * configuration lets through wrongly fails here.
 */
@PaperboyTest
class RouteAccessTests {

	static final String PASSWORD = "route-access-password-0123";

	static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	/**
	 * The expectation table: the least role a route needs, by its path below the
	 * console's or the API's base and its method.
	 * @param path the path below {@code /admin} or {@code /api/v1/admin}
	 * @param method the HTTP method
	 * @return the least role, or null for a route open to anyone
	 */
	static Role needs(String path, String method) {
		String first = path.replaceFirst("^/", "").replaceFirst("/.*$", "");
		boolean reads = method.equals("GET") || method.equals("HEAD");
		return switch (first) {
			// one's own account and saved views: every signed-in user
			case "account", "views" -> Role.VIEWER;
			case "users", "tokens", "audit", "settings", "config" -> Role.ADMIN;
			case "branding", "maintenance" -> reads ? Role.VIEWER : Role.ADMIN;
			// the mailbox shows other people's signed links
			case "mailbox" -> Role.OPERATOR;
			default -> reads ? Role.VIEWER : Role.OPERATOR;
		};
	}

	@Test
	void theWalkFindsTheConsoleAndTheApi() {
		Set<String> paths = new TreeSet<>();
		routes().forEach((route) -> paths.add(route.method() + " " + route.pattern()));
		assertThat(paths).contains("GET /admin", "POST /admin/users", "POST /admin/users/{id}/role",
				"GET /api/v1/admin/users", "DELETE /api/v1/admin/tokens/{id}", "GET /admin/audit", "POST /admin/views",
				"POST /api/v1/admin/sources/{name}/fetch");
		// functional routes (the embedded mailbox is one) are walked too
		List<Route> functional = new ArrayList<>();
		walk(RouterFunctions.route()
			.GET("/admin/mailbox", (request) -> ServerResponse.ok().build())
			.nest(RequestPredicates.path("/api/v1/admin/things"),
					(nested) -> nested.DELETE("/{id}", (request) -> ServerResponse.ok().build()))
			.build(), functional);
		assertThat(functional).map(Route::toString)
			.containsExactly("GET /admin/mailbox", "DELETE /api/v1/admin/things/{id}");
	}

	@Test
	void anonymousRequestsAreRefused() {
		ConsoleClient anonymous = new ConsoleClient(this.port);
		// a CSRF token of an anonymous session, so changes are judged by role, not token
		anonymous.get("/admin/login");
		BearerClient api = new BearerClient(this.port);
		List<String> open = new ArrayList<>();
		for (Route route : routes()) {
			if (route.path().equals("/admin/login")) {
				continue;
			}
			if (route.api()) {
				int status = api.send(route.method(), route.path(), null, null).statusCode();
				if (status != 401) {
					open.add(route + " -> " + status);
				}
				status = api.send(route.method(), route.path(), "not-a-token-0123456789", null).statusCode();
				if (status != 401) {
					open.add(route + " with a wrong token -> " + status);
				}
			}
			else {
				HttpResponse<String> response = anonymous.send(route.method(), route.path());
				boolean toLogin = response.statusCode() == 302 && response.headers()
					.firstValue("Location")
					.map((location) -> location.endsWith("/admin/login"))
					.orElse(false);
				if (!toLogin && response.statusCode() != 401 && response.statusCode() != 403) {
					open.add(route + " -> " + response.statusCode());
				}
			}
		}
		assertThat(open).as("routes that answered an anonymous request").isEmpty();
	}

	@Test
	void aViewerIsRefusedEveryChange() {
		assertRefusedBelow(Role.VIEWER);
	}

	@Test
	void anOperatorIsRefusedWhatOnlyAdminsDo() {
		assertRefusedBelow(Role.OPERATOR);
	}

	// Every route that needs more than the role answers 403, in the console (signed in,
	// with a valid CSRF token) and through the API (with a personal token of that role).
	private void assertRefusedBelow(Role role) {
		String name = "route-" + role.name().toLowerCase();
		ConsoleClient.user(this.context, name, role, PASSWORD);
		ConsoleClient console = new ConsoleClient(this.port);
		assertThat(console.login(name, PASSWORD).headers().firstValue("Location")).hasValue("/admin");
		console.get("/admin/account");
		String token = this.context.getBean(ApiTokenService.class).create(name, role, "route walk", role).token();
		BearerClient api = new BearerClient(this.port);
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			Role needed = needs(route.below(), route.method());
			if (needed == null || role.includes(needed)) {
				continue;
			}
			checked++;
			int status = route.api() ? api.send(route.method(), route.path(), token, null).statusCode()
					: console.send(route.method(), route.path()).statusCode();
			if (status != 403) {
				wrong.add(route + " -> " + status);
			}
		}
		assertThat(checked).as("routes this role may not use").isGreaterThan(10);
		assertThat(wrong).as("routes a " + role + " was not refused").isEmpty();
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
				List<String> methods = declared.isEmpty() ? ALL_METHODS
						: declared.stream().map(RequestMethod::name).filter((m) -> !m.equals("OPTIONS")).toList();
				for (String pattern : info.getPatternValues()) {
					boolean api = pattern.equals("/api/v1/admin") || pattern.startsWith("/api/v1/admin/");
					boolean console = pattern.equals("/admin") || pattern.startsWith("/admin/");
					if (api || console) {
						methods.forEach((method) -> routes.add(new Route(pattern, method, api)));
					}
				}
			}
		}
		for (RouterFunction<?> function : this.context.getBeansOfType(RouterFunction.class).values()) {
			walk(function, routes);
		}
		return routes;
	}

	// Every route of a functional router: its (nested) path patterns and methods.
	private static void walk(RouterFunction<?> function, List<Route> routes) {
		Deque<String> prefixes = new ArrayDeque<>(List.of(""));
		function.accept(new RouterFunctions.Visitor() {

			@Override
			public void startNested(RequestPredicate predicate) {
				Parts parts = Parts.of(predicate);
				prefixes.push(prefixes.getFirst() + (parts.paths.isEmpty() ? "" : parts.paths.get(0)));
			}

			@Override
			public void endNested(RequestPredicate predicate) {
				prefixes.pop();
			}

			@Override
			public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
				Parts parts = Parts.of(predicate);
				for (String path : parts.paths.isEmpty() ? List.of("") : parts.paths) {
					String pattern = prefixes.getFirst() + path;
					boolean api = pattern.equals("/api/v1/admin") || pattern.startsWith("/api/v1/admin/");
					boolean console = pattern.equals("/admin") || pattern.startsWith("/admin/");
					if (api || console) {
						(parts.methods.isEmpty() ? ALL_METHODS : parts.methods)
							.forEach((method) -> routes.add(new Route(pattern, method, api)));
					}
				}
			}

			@Override
			public void resources(Function<ServerRequest, Optional<Resource>> lookup) {
			}

			@Override
			public void attributes(Map<String, Object> attributes) {
			}

			@Override
			public void unknown(RouterFunction<?> unknown) {
				throw new AssertionError("a router function this walk cannot read: " + unknown);
			}

		});
	}

	/**
	 * The paths and methods a request predicate names.
	 */
	static final class Parts implements RequestPredicates.Visitor {

		final List<String> paths = new ArrayList<>();

		final List<String> methods = new ArrayList<>();

		static Parts of(RequestPredicate predicate) {
			Parts parts = new Parts();
			predicate.accept(parts);
			return parts;
		}

		@Override
		public void method(Set<HttpMethod> methods) {
			methods.forEach((method) -> this.methods.add(method.name()));
		}

		@Override
		public void path(String pattern) {
			this.paths.add(pattern);
		}

		@Override
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void param(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void startNegate() {
		}

		@Override
		public void endNegate() {
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

	/**
	 * @param pattern the mapping's pattern
	 * @param method one of its methods
	 * @param api whether it is under the admin API
	 */
	record Route(String pattern, String method, boolean api) {

		// path variables filled with a harmless value: refused requests never reach a
		// handler anyway
		String path() {
			return this.pattern.replaceAll("\\{\\*[^}]*}", "x")
				.replaceAll("\\{[^}:]*:[^}]*}", "1")
				.replaceAll("\\{[^}]*}", "1")
				.replace("**", "x")
				.replace("*", "x");
		}

		String below() {
			return this.api ? this.pattern.substring("/api/v1/admin".length())
					: this.pattern.substring("/admin".length());
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
