package dev.paperboy.delivery.smtp;

import java.util.List;
import java.util.Map;

import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.mime.MimeMessages;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.Suppressions;
import dev.paperboy.delivery.bounce.Bounces;
import dev.paperboy.delivery.dkim.DkimSigner;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailPreparationException;
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
	MimeMessages messages;

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
			public byte[] sign(byte[] message) {
				throw new MailPreparationException("Cannot sign the message: the key is gone");
			}

		};
		MimeMessages unsignable = new MimeMessages(this.properties, broken);
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

			SmtpSession working = new SmtpSession(session, transport, this.messages, this.suppressions, this.bounces);
			assertThat(working.send(mail("built@session.example.org", "built-1@paperboy.test")).status())
				.isEqualTo(SmtpSession.Outcome.Status.SENT);
			assertThat(TestMailConfiguration.mail().getReceivedMessages()).hasSize(before + 1);
		}
	}

	private static OutgoingMail mail(String to, String messageId) {
		return new OutgoingMail(to, "Your papers", "Hello", "<p>Hello</p>", Map.of(), messageId);
	}

}
