package dev.paperboy;

import dev.paperboy.embedded.LoopbackSmtp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The application's mail sent to a {@link ScriptedSmtpServer} instead of GreenMail.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedSmtpConfiguration {

	@Bean(destroyMethod = "close")
	ScriptedSmtpServer scriptedSmtpServer() {
		return ScriptedSmtpServer.start();
	}

	// Takes precedence over the GreenMail sender of TestMailConfiguration.
	@Bean
	@Primary
	JavaMailSenderImpl scriptedMailSender(ScriptedSmtpServer server) {
		return LoopbackSmtp.sender(server.port());
	}

}
