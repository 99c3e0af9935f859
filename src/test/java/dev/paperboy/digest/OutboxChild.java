package dev.paperboy.digest;

import dev.paperboy.Paperboy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The service with the test profile, in a JVM of its own that a test can kill: the
 * database, the SMTP server and the outbox settings come as arguments
 * ({@code --spring.datasource.url=...}). No web server and lazy beans, to start sooner:
 * the outbox needs neither.
 */
public final class OutboxChild {

	private OutboxChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		new SpringApplicationBuilder(Paperboy.class).profiles("test")
			.web(WebApplicationType.NONE)
			.lazyInitialization(true)
			.run(args);
		// The outbox's workers are daemon threads: without a web server nothing else
		// keeps this JVM up until the test stops it.
		Thread.currentThread().join();
	}

}
