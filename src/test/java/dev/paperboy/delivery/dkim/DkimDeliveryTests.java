package dev.paperboy.delivery.dkim;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.delivery.Mailer;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.mime.MimeMessages;
import dev.paperboy.delivery.smtp.SmtpSession;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.paperboy.delivery.dkim.DkimFixtures.bytes;
import static dev.paperboy.delivery.dkim.DkimFixtures.text;
import static dev.paperboy.delivery.dkim.DkimFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Mail sent through the Mailer of the running application, with a DKIM key configured as
 * an operator would (PEM text in a property), verified as GreenMail received it.
 */
@PaperboyTest
class DkimDeliveryTests {

	private static final String GRACE = "grace@dkim.example.org";

	@Autowired
	Mailer mailer;

	@Autowired
	MimeMessages messages;

	@DynamicPropertySource
	static void dkim(DynamicPropertyRegistry properties) {
		properties.add("paperboy.delivery.dkim.domain", () -> DkimFixtures.DOMAIN);
		properties.add("paperboy.delivery.dkim.selector", () -> DkimFixtures.SELECTOR);
		properties.add("paperboy.delivery.dkim.private-key", () -> DkimFixtures.pem(DkimFixtures.KEY));
		properties.add("paperboy.delivery.reply-to", () -> "editors@paperboy.test");
	}

	@Test
	void everyMessageTheMailerSendsArrivesWithAValidSignature() throws Exception {
		boolean sent = this.mailer.send(new OutgoingMail(GRACE, "Vos articles — mémoire et attention",
				"Bonjour Grace,\n\nÜber Aufmerksamkeit und Gedächtnis   \n\n\n",
				"<p>Bonjour Grace,</p>\n<p>Über Aufmerksamkeit und Gedächtnis</p>\n",
				Map.of("List-Unsubscribe", "<https://papers.example.org/unsubscribe/grace-token>",
						"List-Unsubscribe-Post", "List-Unsubscribe=One-Click", "List-Id",
						"Paperboy digest <digest.paperboy.test>"),
				"dkim-e2e-1@paperboy.test"));

		assertThat(sent).isTrue();
		MimeMessage received = awaitMessageTo(GRACE);
		byte[] raw = bytes(received);
		List<SignatureRecord> signatures = verify(raw);
		assertThat(signatures).hasSize(1);
		assertThat(signatures.get(0).getHeaders()).map(CharSequence::toString)
			.contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type", "reply-to",
					"list-id", "list-unsubscribe", "list-unsubscribe-post");
		assertThat(received.getMessageID()).isEqualTo("<dkim-e2e-1@paperboy.test>");
		assertThat(received.getHeader("DKIM-Signature")).hasSize(1);

		String tampered = text(raw).replace("/unsubscribe/grace-token>", "/unsubscribe/grace-tokem>");
		assertThat(tampered).isNotEqualTo(text(raw));
		assertThatExceptionOfType(FailException.class).isThrownBy(() -> verify(DkimFixtures.bytes(tampered)));
	}

	@Test
	void signedMessagesStayQuotedPrintableEvenForAServerThatTakes8Bit() throws Exception {
		OutgoingMail mail = new OutgoingMail(GRACE, "Gedächtnis", "Über Aufmerksamkeit", "<p>Über</p>", Map.of(),
				"dkim-8bit@paperboy.test");
		// as an SmtpSession asks for it when the server announced 8BITMIME
		MimeMessage message = this.messages.message(null, mail, true);
		byte[] raw = bytes(message);
		assertThat(text(raw)).contains("Content-Transfer-Encoding: quoted-printable")
			.doesNotContain("Content-Transfer-Encoding: 8bit");
		assertThat(((org.eclipse.angus.mail.smtp.SMTPMessage) message).getMailExtension()).isNull();
		assertThat(verify(raw)).hasSize(1);
	}

	private static MimeMessage awaitMessageTo(String address) {
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(address).size() == 1);
		return messagesTo(address).get(0);
	}

	private static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
