package dev.paperboy.embedded;

import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In the embedded mode, with no SMTP host configured, mail goes to an embedded SMTP
 * server on 127.0.0.1; the mailbox page at {@code /admin/mailbox} shows what was sent.
 * Setting {@code spring.mail.host} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSmtpConfiguration.Active.class)
class EmbeddedSmtpConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfiguration.class);

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail embeddedSmtp(EmbeddedProperties properties) {
		ServerSetup setup = new ServerSetup(properties.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		return new GreenMail((properties.smtpPort() == 0) ? setup.dynamicPort() : setup);
	}

	@Bean
	JavaMailSenderImpl mailSender(GreenMail embeddedSmtp, EmbeddedProperties properties) {
		JavaMailSenderImpl sender = LoopbackSmtp.sender(embeddedSmtp.getSmtp().getPort());
		log.info(
				"Embedded mode: mail goes to an SMTP server on 127.0.0.1:{}; read it at /admin/mailbox "
						+ "(sign in with the console password printed at the first start, also in {})",
				embeddedSmtp.getSmtp().getPort(), Path.of(properties.dataDir().toString(), EmbeddedSecrets.FILE));
		return sender;
	}

	static class Active extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (context.getEnvironment().containsProperty("spring.mail.host")) {
				return ConditionOutcome.noMatch("spring.mail.host is set");
			}
			return EmbeddedMode.active(context.getEnvironment()) ? ConditionOutcome.match("embedded mode")
					: ConditionOutcome.noMatch("not in the embedded mode");
		}

	}

}
