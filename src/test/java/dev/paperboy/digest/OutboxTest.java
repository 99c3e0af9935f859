package dev.paperboy.digest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.ScriptedSmtpConfiguration;
import dev.paperboy.ScriptedSmtpServer;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the outbox: the whole application sending to a {@link ScriptedSmtpServer},
 * with short leases and small batches. The outbox tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PaperboyTest
@Import({ ScriptedSmtpConfiguration.class, EmptyOutboxFirst.class })
@TestPropertySource(properties = { "paperboy.delivery.outbox.workers=2", "paperboy.delivery.outbox.lease=2s",
		"paperboy.delivery.outbox.batch-size=10" })
// Outbox workers poll the database every context shares: close this one after its class.
@DirtiesContext
@interface OutboxTest {

}
