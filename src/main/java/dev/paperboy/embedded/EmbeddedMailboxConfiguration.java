package dev.paperboy.embedded;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.embedded.mailbox.MailboxController;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The web mailbox at {@code /admin/mailbox}, whenever the embedded SMTP server runs (same
 * condition as {@link EmbeddedSmtpConfiguration}). The controller is declared here rather
 * than component-scanned, so it exists exactly when the {@link GreenMail} bean does.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSmtpConfiguration.Active.class)
class EmbeddedMailboxConfiguration {

	@Bean
	MailboxController mailboxController(GreenMail embeddedSmtp) {
		return new MailboxController(embeddedSmtp);
	}

	@Bean
	RouterFunction<ServerResponse> mailboxRoutes(MailboxController mailboxController) {
		return mailboxController.routes();
	}

}
