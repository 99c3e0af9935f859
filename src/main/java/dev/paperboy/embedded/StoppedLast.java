package dev.paperboy.embedded;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Closes a resource after every other bean of the context: the embedded PostgreSQL, which
 * must outlive whatever still writes on shutdown (the outbox giving its batch back, the
 * embedder, the schedulers' last runs, the event registry, the pool), including what does
 * not declare that it uses the database (threads, executors). The context destroys its
 * beans in the reverse order of their registration; this one is registered first, before
 * any bean exists, so it goes last.
 */
final class StoppedLast implements DisposableBean {

	static final String NAME = "embeddedStoppedLast";

	private final AtomicReference<@Nullable Closeable> resource = new AtomicReference<>();

	void close(Closeable resource) {
		this.resource.set(resource);
	}

	@Override
	public void destroy() throws IOException {
		Closeable last = this.resource.getAndSet(null);
		if (last != null) {
			last.close();
		}
	}

	/**
	 * Registers a {@link StoppedLast} in the embedded mode, first of all the
	 * initializers.
	 */
	static final class Registrar implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (!EmbeddedMode.active(context.getEnvironment())) {
				return;
			}
			StoppedLast stoppedLast = new StoppedLast();
			context.getBeanFactory().registerSingleton(NAME, stoppedLast);
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(NAME, stoppedLast);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
