package dev.paperboy.delivery;

import dev.paperboy.delivery.templates.MailTemplateConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Just the mail templates, as the application configures them: Spring Boot's Thymeleaf,
 * the text and overriding resolvers, {@code #mail} and {@link MailTemplates}, without a
 * database or a mail server. Needs {@link #SALT} among the properties.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(ThymeleafAutoConfiguration.class)
@EnableConfigurationProperties(DeliveryProperties.class)
@Import({ MailTemplateConfiguration.class, MailTemplates.class })
public class MailTemplatesTestConfiguration {

	/** The one property the configuration requires. */
	public static final String SALT = "paperboy.delivery.suppression-salt=test-suppression-salt-0123456789";

}
