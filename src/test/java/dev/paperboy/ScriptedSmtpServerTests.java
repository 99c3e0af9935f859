package dev.paperboy;

import dev.paperboy.ScriptedSmtpServer.Answer;
import dev.paperboy.embedded.LoopbackSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptedSmtpServerTests {

	@Test
	void acceptsRefusesAndComesBackOnTheSamePort() throws Exception {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
			server.script((recipient, attempt) -> recipient.startsWith("no") ? Answer.REJECT_ON_RCPT : Answer.ACCEPT);
			JavaMailSenderImpl sender = LoopbackSmtp.sender(server.port());
			Session session = sender.getSession();
			try (Transport transport = session.getTransport("smtp")) {
				transport.connect("127.0.0.1", server.port(), null, null);
				transport.sendMessage(message(session, "a@example.org", "one"), InternetAddress.parse("a@example.org"));
				assertThatExceptionOfType(MessagingException.class).isThrownBy(() -> transport
					.sendMessage(message(session, "no@example.org", "two"), InternetAddress.parse("no@example.org")));
				server.stop();
				assertThatExceptionOfType(MessagingException.class).isThrownBy(() -> transport
					.sendMessage(message(session, "b@example.org", "three"), InternetAddress.parse("b@example.org")));
			}
			server.listen();
			try (Transport transport = session.getTransport("smtp")) {
				transport.connect("127.0.0.1", server.port(), null, null);
				transport.sendMessage(message(session, "c@example.org", ".four\r\n.."),
						InternetAddress.parse("c@example.org"));
			}
			server.stop();
			server.listen();
			assertThat(server.received()).extracting(ScriptedSmtpServer.Received::messageId)
				.containsExactly("id-one@test", "id-.four\r\n..@test".replaceAll("\\s", ""));
		}
	}

	@Test
	void startsAgainOnTheSamePortWhileItsClosedConnectionsWait() throws Exception {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
			Session session = LoopbackSmtp.sender(server.port()).getSession();
			for (int round = 1; round <= 5; round++) {
				for (int i = 1; i <= 3; i++) {
					try (Transport transport = session.getTransport("smtp")) {
						transport.connect("127.0.0.1", server.port(), null, null);
						transport.sendMessage(message(session, "a@example.org", round + "-" + i),
								InternetAddress.parse("a@example.org"));
					}
				}
				server.stop();
				server.listen();
			}
			assertThat(server.received()).hasSize(15);
		}
	}

	private static MimeMessage message(Session session, String to, String text) throws MessagingException {
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<id-" + text.replaceAll("\\s", "") + "@test>");
			}
		};
		message.setFrom("from@example.org");
		message.setRecipients(MimeMessage.RecipientType.TO, to);
		message.setText(text);
		message.saveChanges();
		return message;
	}

}
