package dev.paperboy.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may do what: the admin API needs the admin bearer token; the public API and pages
 * are open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, AdminProperties properties) throws Exception {
		if (properties.apiToken() == null || properties.apiToken().isBlank()) {
			log.warn("No admin API token is set: the admin API refuses every request. "
					+ "Set PAPERBOY_ADMIN_API_TOKEN (paperboy.admin.api-token) to use it.");
		}
		return http.securityMatcher("/api/v1/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.addFilterBefore(new BearerTokenFilter(properties.apiToken()), AuthorizationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Token-authenticated API: no cookies, so no cross-site request forgery.
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setHeader("WWW-Authenticate", "Bearer realm=\"paperboy-admin\"");
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
							+ "\"detail\":\"The admin API needs Authorization: Bearer <admin API token>\"}");
			}))
			.build();
	}

	// Admin pages in a browser (the embedded mailbox now, the console later): HTTP Basic
	// with user "admin" and the admin API token as password, until the console brings
	// real users.
	@Bean
	@Order(2)
	SecurityFilterChain adminPages(HttpSecurity http, AdminProperties properties) throws Exception {
		return http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.addFilterBefore(new BasicTokenFilter(properties.apiToken()), AuthorizationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"Paperboy admin\", charset=\"UTF-8\"");
				response.sendError(HttpStatus.UNAUTHORIZED.value());
			}))
			.build();
	}

	// Public pages and API. No CSRF tokens: every page that changes a subscription
	// carries a signed token in its URL that a forging site cannot know, one-click
	// unsubscribe must work without any (RFC 8058), and a forged sign-up only sends a
	// confirmation email that is rate limited. No referrer leaks a token to another site.
	@Bean
	@Order(3)
	SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

}
