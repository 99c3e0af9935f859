package dev.paperboy.embedded;

import org.springframework.core.env.Environment;

/**
 * Tells whether Paperboy runs on its embedded defaults: no datasource configured and
 * {@code paperboy.embedded.enabled} not turned off.
 */
public final class EmbeddedMode {

	private EmbeddedMode() {
	}

	/**
	 * @param environment the application's environment
	 * @return whether the embedded defaults are in use
	 */
	public static boolean active(Environment environment) {
		return environment.getProperty("paperboy.embedded.enabled", Boolean.class, true)
				&& !environment.containsProperty("spring.datasource.url");
	}

}
