package dev.paperboy.embedded;

import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail sender for an SMTP server on 127.0.0.1 (the embedded one, or a test's), with
 * every Jakarta Mail timeout set.
 */
public final class LoopbackSmtp {

	private LoopbackSmtp() {
	}

	public static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties javaMail = new Properties();
		javaMail.setProperty("mail.smtp.connectiontimeout", "5000");
		javaMail.setProperty("mail.smtp.timeout", "10000");
		javaMail.setProperty("mail.smtp.writetimeout", "10000");
		sender.setJavaMailProperties(javaMail);
		return sender;
	}

}
