package dev.paperboy.admin.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The one table of who may do what, for the console ({@code /admin}) and the admin API
 * ({@code /api/v1/admin}) alike, by path and method. Each role includes the ones below it
 * (ADMIN > OPERATOR > VIEWER):
 * <ul>
 * <li>the signed-in user's own account (password, second factor) and saved views: every
 * role;</li>
 * <li>users, tokens, the audit log, settings and the effective configuration: ADMIN
 * only;</li>
 * <li>branding and maintenance: everyone reads, ADMIN changes;</li>
 * <li>the embedded mailbox (it shows other people's signed links): OPERATOR;</li>
 * <li>everything else: VIEWER reads (GET, HEAD), OPERATOR changes.</li>
 * </ul>
 * A new route falls under the last rule unless it is added here; {@code RouteAccessTests}
 * walks every mapped route to prove that no route is open.
 */
final class ConsoleAccess {

	static final String[] EVERY_ROLE = { "/account", "/account/**", "/views", "/views/**" };

	static final String[] ADMIN_ONLY = { "/users", "/users/**", "/tokens", "/tokens/**", "/audit", "/audit/**",
			"/settings", "/settings/**", "/config", "/config/**" };

	static final String[] ADMIN_CHANGES = { "/branding", "/branding/**", "/maintenance", "/maintenance/**" };

	private ConsoleAccess() {
	}

	static void rules(String base,
			AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(prefixed(base, EVERY_ROLE))
			.hasRole("VIEWER")
			.requestMatchers(prefixed(base, ADMIN_ONLY))
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, prefixed(base, ADMIN_CHANGES))
			.hasRole("VIEWER")
			.requestMatchers(prefixed(base, ADMIN_CHANGES))
			.hasRole("ADMIN")
			.requestMatchers(base + "/mailbox", base + "/mailbox/**")
			.hasRole("OPERATOR")
			.requestMatchers(HttpMethod.GET, base + "/**")
			.hasRole("VIEWER")
			.requestMatchers(HttpMethod.HEAD, base + "/**")
			.hasRole("VIEWER")
			.anyRequest()
			.hasRole("OPERATOR");
	}

	private static String[] prefixed(String base, String[] paths) {
		String[] result = new String[paths.length];
		for (int i = 0; i < paths.length; i++) {
			result[i] = base + paths[i];
		}
		return result;
	}

}
