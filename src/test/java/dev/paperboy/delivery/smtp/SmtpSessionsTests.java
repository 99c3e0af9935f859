package dev.paperboy.delivery.smtp;

import java.net.Socket;
import java.util.Map;

import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpSessionsTests {

	@Test
	void turnsNaglesAlgorithmOffOnSmtpConnections() throws Exception {
		JavaMailSenderImpl sender = sender();
		new SmtpSessions(
				new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class), null,
				null, null);
		Object factory = sender.getJavaMailProperties().get("mail.smtp.socketFactory");
		assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
		try (Socket socket = ((SocketFactory) factory).createSocket()) {
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void leavesAConfiguredSocketFactoryAlone() {
		JavaMailSenderImpl sender = sender();
		sender.getJavaMailProperties().setProperty("mail.smtp.socketFactory.class", "com.example.Factory");
		new SmtpSessions(
				new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class), null,
				null, null);
		assertThat(sender.getJavaMailProperties()).doesNotContainKey("mail.smtp.socketFactory");
	}

	private static JavaMailSenderImpl sender() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(2525);
		return sender;
	}

}
