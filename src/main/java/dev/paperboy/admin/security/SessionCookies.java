package dev.paperboy.admin.security;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.core.env.Environment;

/**
 * The console's session cookie: HttpOnly, SameSite=Lax, and Secure when the service is
 * reached over HTTPS ({@code paperboy.subscription.public-url} starts with
 * {@code https://}) unless {@code server.servlet.session.cookie.secure} says otherwise.
 */
class SessionCookies implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

	private final Environment environment;

	SessionCookies(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(ConfigurableServletWebServerFactory factory) {
		Session session = factory.getSettings().getSession();
		session.getCookie().setHttpOnly(true);
		if (session.getCookie().getSameSite() == null) {
			session.getCookie().setSameSite(SameSite.LAX);
		}
		session.getCookie().setSecure(secure(this.environment));
	}

	static boolean secure(Environment environment) {
		String configured = environment.getProperty("server.servlet.session.cookie.secure");
		if (configured != null) {
			return Boolean.parseBoolean(configured);
		}
		return environment.getProperty("paperboy.subscription.public-url", "").startsWith("https://");
	}

}
