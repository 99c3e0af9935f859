package dev.paperboy.admin.security;

import java.io.IOException;
import java.time.Clock;

import dev.paperboy.admin.AdminProperties;
import dev.paperboy.admin.users.ApiTokenService;
import dev.paperboy.admin.users.AuditLog;
import dev.paperboy.admin.users.ConsoleSettingsService;
import dev.paperboy.admin.users.ConsoleUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may do what: the admin API takes the bootstrap token or a personal API token; the
 * console signs users in with a form (and their second factor) and a session; actuator
 * endpoints other than health are for ADMIN tokens; the public API and pages are open.
 * Access by role is {@link ConsoleAccess}'s one table for the console and the admin API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	// Scripts, styles and images only from this origin (the console's WebJars are served
	// from the jar), no inline script or style, no framing, forms only to this origin.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
	}

	@Bean
	static SessionCookies sessionCookies(Environment environment) {
		return new SessionCookies(environment);
	}

	@Bean
	LoginThrottle loginThrottle(AdminProperties properties) {
		return new LoginThrottle(properties.login(), Clock.systemUTC());
	}

	// Health for probes; every other actuator endpoint for ADMIN tokens only.
	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, AdminProperties properties, ApiTokenService tokens)
			throws Exception {
		return http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.addFilterBefore(new BearerTokenFilter(properties.apiToken(), tokens), AuthorizationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"Actuator endpoints other than health need an ADMIN API token"))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Actuator endpoints other than health need an ADMIN API token")))
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, AdminProperties properties, ApiTokenService tokens, AuditLog audit)
			throws Exception {
		if (properties.apiToken() == null || properties.apiToken().isBlank()) {
			log.info("No bootstrap admin API token is set: the admin API takes personal API tokens only.");
		}
		return http.securityMatcher("/api/v1/admin/**")
			.authorizeHttpRequests((requests) -> ConsoleAccess.rules("/api/v1/admin", requests))
			.addFilterBefore(new BearerTokenFilter(properties.apiToken(), tokens), AuthorizationFilter.class)
			.addFilterAfter(new AuditFilter(audit), SecurityContextHolderFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Token-authenticated API: no cookies, so no cross-site request forgery.
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"The admin API needs Authorization: Bearer <API token>"))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"This token's role may not do this")))
			.build();
	}

	// The console: a form sign-in (with the second factor) and a session cookie whose id
	// changes at sign-in, a CSRF token on every change.
	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, ConsoleUsers users, PasswordEncoder passwords,
			LoginThrottle throttle, AuditLog audit, ConsoleSettingsService settings) throws Exception {
		return http.securityMatcher("/admin/**").authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/admin/login").permitAll();
			ConsoleAccess.rules("/admin", requests);
		})
			.authenticationProvider(
					new ConsoleAuthenticationProvider(users, passwords, throttle, audit, Clock.systemUTC()))
			.formLogin((form) -> form.loginPage("/admin/login")
				.authenticationDetailsSource(LoginDetails::new)
				.defaultSuccessUrl("/admin", false))
			.logout((logout) -> logout.logoutUrl("/admin/logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.record(authentication.getName(), "sign-out", null, "success", request.getRemoteAddr());
					}
				})
				.logoutSuccessUrl("/admin/login?signed-out"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterBefore(new ConsoleSessionFilter(users, settings), AuthorizationFilter.class)
			.addFilterAfter(new AuditFilter(audit), SecurityContextHolderFilter.class)
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.crossOriginOpenerPolicy((coop) -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)))
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
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				// a page that sets its own policy (the digest's web copy) keeps it
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.build();
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"paperboy-admin\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
