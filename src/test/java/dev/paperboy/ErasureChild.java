package dev.paperboy;

import dev.paperboy.subscription.SubscriptionService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service with the test profile, in a JVM of its own that a test can kill: it erases
 * the subscriber named by the first argument (none when it is 0), then runs until it is
 * stopped. The database comes as arguments ({@code --spring.datasource.url=...}).
 */
public final class ErasureChild {

	private ErasureChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		long subscriberId = Long.parseLong(args[0]);
		String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Paperboy.class).profiles("test")
			.web(WebApplicationType.NONE)
			.run(rest);
		if (subscriberId > 0) {
			context.getBean(SubscriptionService.class).erase(subscriberId);
			System.out.println("erased subscriber " + subscriberId);
		}
		// Listeners run on daemon threads: nothing else keeps this JVM up until the test
		// stops it.
		Thread.currentThread().join();
	}

}
