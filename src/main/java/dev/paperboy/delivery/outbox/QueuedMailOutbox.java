package dev.paperboy.delivery.outbox;

import java.util.List;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues one-off emails in {@code mail_message}, and tries each once right after its
 * transaction commits, in the background: someone who just signed up waits for it, and
 * should not wait for a worker's next poll (nor for one at all on an instance without
 * workers). Whatever that try does not send, the workers retry.
 */
@Service
class QueuedMailOutbox implements MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(QueuedMailOutbox.class);

	private final MailMessages messages;

	private final OutboxWorkers workers;

	private final DeliveryProperties.Outbox properties;

	private final TaskExecutor executor;

	QueuedMailOutbox(MailMessages messages, OutboxWorkers workers, DeliveryProperties properties,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.messages = messages;
		this.workers = workers;
		this.properties = properties.outbox();
		this.executor = executor;
	}

	@Override
	public void enqueue(TemplatedMail mail) {
		long id = this.messages.insert(mail);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					sendSoon(id);
				}

			});
		}
		else {
			sendSoon(id);
		}
	}

	@Override
	public String installation() {
		return this.messages.installation();
	}

	private void sendSoon(long id) {
		try {
			this.executor.execute(() -> send(id));
		}
		catch (TaskRejectedException ex) {
			// The executor is saturated or shutting down: a worker sends it later.
			log.debug("Email {} left to the workers: {}", id, ex.toString());
		}
	}

	private void send(long id) {
		try {
			this.workers.send(this.messages, () -> this.messages.claim(List.of(id), this.properties.lease()));
		}
		catch (RuntimeException ex) {
			// A worker sends it later.
			log.warn("Email {} not sent at once: {}", id, ex.toString());
		}
	}

}
