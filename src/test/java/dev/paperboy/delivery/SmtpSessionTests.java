package dev.paperboy.delivery;

import java.util.List;
import java.util.Map;

import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One SMTP connection to GreenMail, through the application's own session: a message that
 * cannot be built is refused alone, and the connection goes on.
 */
@PaperboyTest
class SmtpSessionTests {

	@Autowired
	JavaMailSenderImpl sender;

	@Autowired
	Mailer mailer;

	@Autowired
	Suppressions suppressions;

	@Autowired
	Bounces bounces;

	@Autowired
	DeliveryProperties properties;

	@Test
	void refusesAMessageThatCannotBeBuiltAndKeepsTheConnection() throws Exception {
		DkimSigner broken = new DkimSigner(new DeliveryProperties.Dkim(null, null, null, null, List.of("From")),
				"papers@paperboy.test") {

			@Override
			byte[] sign(byte[] message) {
				throw new MailPreparationException("Cannot sign the message: the key is gone");
			}

		};
		Mailer unsignable = new Mailer(
				new StaticListableBeanFactory(Map.of("mailSender", this.sender)).getBeanProvider(JavaMailSender.class),
				this.suppressions, this.properties, broken);
		Session session = this.sender.getSession();
		Transport transport = session.getTransport("smtp");
		transport.connect(this.sender.getHost(), this.sender.getPort(), null, null);
		int before = TestMailConfiguration.mail().getReceivedMessages().length;
		try (SmtpSession failing = new SmtpSession(session, transport, unsignable, this.suppressions, this.bounces)) {
			SmtpSession.Outcome refused = failing.send(mail("unbuilt@session.example.org", "unbuilt-1@paperboy.test"));

			assertThat(refused.status()).isEqualTo(SmtpSession.Outcome.Status.UNSENDABLE);
			assertThat(refused.detail()).contains("the key is gone");
			assertThat(failing.isConnected()).isTrue();
			assertThat(TestMailConfiguration.mail().getReceivedMessages()).hasSize(before);

			SmtpSession working = new SmtpSession(session, transport, this.mailer, this.suppressions, this.bounces);
			assertThat(working.send(mail("built@session.example.org", "built-1@paperboy.test")).status())
				.isEqualTo(SmtpSession.Outcome.Status.SENT);
			assertThat(TestMailConfiguration.mail().getReceivedMessages()).hasSize(before + 1);
		}
	}

	private static OutgoingMail mail(String to, String messageId) {
		return new OutgoingMail(to, "Your papers", "Hello", "<p>Hello</p>", Map.of(), messageId);
	}

}
