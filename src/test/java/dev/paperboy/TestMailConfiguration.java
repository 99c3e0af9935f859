package dev.paperboy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.embedded.LoopbackSmtp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server for the tests (GreenMail on 127.0.0.1), started once per JVM; tests
 * read what was sent from {@link #mail()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailConfiguration {

	private static final GreenMail MAIL = start();

	public static GreenMail mail() {
		return MAIL;
	}

	@Bean
	JavaMailSenderImpl mailSender() {
		return LoopbackSmtp.sender(MAIL.getSmtp().getPort());
	}

	private static GreenMail start() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

}
