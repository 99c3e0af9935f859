package dev.paperboy.subscription;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Sign-ups handed over after the request is answered, so that the answer takes the same
 * time whatever the address's state (a new address costs an insert and an email, a
 * subscribed one nothing): timing tells nobody who is subscribed. One thread works the
 * queue; when it is full the request does the work itself (only under a flood, which the
 * rate limits already slow). A clean stop works off the queue; a crash loses the sign-ups
 * not yet handled, whose senders never got an email and sign up again.
 */
@Component
public class SignUps {

	private static final Logger log = LoggerFactory.getLogger(SignUps.class);

	private final SubscriptionService subscriptions;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1000), Thread.ofPlatform().name("sign-up-", 0).daemon().factory(),
			new ThreadPoolExecutor.CallerRunsPolicy());

	SignUps(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * Signs an address up, pending its confirmation, after the caller has answered.
	 * @param email the address
	 * @param profile what the subscriber asked for (already validated)
	 * @param client where the request came from
	 */
	public void submit(EmailAddress email, Profile profile, ClientInfo client) {
		this.executor.execute(() -> {
			try {
				this.subscriptions.subscribe(email, profile, client);
			}
			catch (RuntimeException ex) {
				log.warn("A sign-up could not be handled: {}", ex.getClass().getSimpleName());
			}
		});
	}

	@PreDestroy
	void finish() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("Stopped with {} sign-ups not handled", this.executor.getQueue().size());
		}
	}

}
