package dev.paperboy.delivery.smtp;

import java.util.Collection;
import java.util.Properties;
import java.util.Set;

import dev.paperboy.delivery.Suppressions;
import dev.paperboy.delivery.bounce.Bounces;
import dev.paperboy.delivery.mime.MimeMessages;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * Opens SMTP connections for sending many messages over one connection, as the outbox
 * workers do: the same server, credentials, message building, DKIM signing and
 * suppression check as {@code Mailer}, with every Jakarta Mail timeout set.
 */
@Service
public class SmtpSessions {

	private final JavaMailSenderImpl sender;

	private final MimeMessages messages;

	private final Suppressions suppressions;

	private final Bounces bounces;

	SmtpSessions(ObjectProvider<JavaMailSender> sender, MimeMessages messages, Suppressions suppressions,
			Bounces bounces) {
		JavaMailSender configured = sender.getIfAvailable();
		if (!(configured instanceof JavaMailSenderImpl impl)) {
			throw new IllegalStateException("No SMTP server is configured: set spring.mail.host (and spring.mail.port, "
					+ "spring.mail.username, spring.mail.password as needed)");
		}
		this.sender = impl;
		this.messages = messages;
		this.suppressions = suppressions;
		this.bounces = bounces;
		Properties properties = impl.getJavaMailProperties();
		// A server that stops answering must not hold a worker forever.
		String protocol = (impl.getProtocol() != null) ? impl.getProtocol() : "smtp";
		properties.putIfAbsent("mail." + protocol + ".connectiontimeout", "10000");
		properties.putIfAbsent("mail." + protocol + ".timeout", "30000");
		properties.putIfAbsent("mail." + protocol + ".writetimeout", "30000");
		// Without it each message's end waits for the server's delayed acknowledgement.
		if (!properties.containsKey("mail." + protocol + ".socketFactory.class")) {
			properties.putIfAbsent("mail." + protocol + ".socketFactory", NoDelaySocketFactory.INSTANCE);
		}
	}

	/**
	 * Connects to the SMTP server.
	 * @return a connected session; close it when done
	 * @throws MessagingException when the server cannot be reached or refuses the login
	 */
	public SmtpSession open() throws MessagingException {
		Session session = this.sender.getSession();
		Transport transport = session
			.getTransport((this.sender.getProtocol() != null) ? this.sender.getProtocol() : "smtp");
		transport.connect(this.sender.getHost(), this.sender.getPort(), this.sender.getUsername(),
				this.sender.getPassword());
		return new SmtpSession(session, transport, this.messages, this.suppressions, this.bounces);
	}

	/**
	 * The suppressed ones among a batch's recipients, in one query: send the others with
	 * {@link SmtpSession#sendUnsuppressed}.
	 * @param addresses the recipients
	 * @return those never to be sent mail
	 */
	public Set<String> suppressed(Collection<String> addresses) {
		return this.suppressions.suppressed(addresses);
	}

}
