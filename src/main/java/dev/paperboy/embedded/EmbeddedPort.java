package dev.paperboy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The links in mail are built before the web server listens: they name
 * {@code server.port} (application.properties), so in the embedded mode "any free port"
 * ({@code server.port=0}) is turned into one chosen here, before anything reads it.
 */
final class EmbeddedPort {

	private EmbeddedPort() {
	}

	static void choose(ConfigurableEnvironment environment) {
		if (environment.getProperty("server.port", Integer.class, 8080) != 0) {
			return;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(0));
			environment.getPropertySources()
				.addFirst(new MapPropertySource("embeddedServerPort", Map.of("server.port", socket.getLocalPort())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port", ex);
		}
	}

}
