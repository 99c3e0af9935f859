package dev.paperboy.delivery.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.paperboy.delivery.DeliveryProperties;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plain text mail templates ({@code mail/*.txt}) in Thymeleaf's TEXT mode, beside the
 * HTML resolver Spring Boot configures; the operator's own mail templates before both,
 * when a directory is configured; and {@code #mail}, the mail templates' helpers.
 */
@Configuration(proxyBeanMethods = false)
public class MailTemplateConfiguration {

	@Bean
	SpringResourceTemplateResolver textMailTemplateResolver() {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix("classpath:/templates/");
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(0);
		resolver.setCheckExistence(true);
		return resolver;
	}

	@Bean
	MailTextDialect mailTextDialect() {
		return new MailTextDialect();
	}

	// Existence is checked, so a directory holding only mail/digest.html overrides just
	// that one and every other name falls through to the built-in templates.
	@Bean
	@ConditionalOnProperty("paperboy.delivery.templates.directory")
	FileTemplateResolver overridingTextMailTemplateResolver(DeliveryProperties properties) {
		FileTemplateResolver resolver = overridingResolver(properties, TemplateMode.TEXT, -2);
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		return resolver;
	}

	@Bean
	@ConditionalOnProperty("paperboy.delivery.templates.directory")
	FileTemplateResolver overridingHtmlMailTemplateResolver(DeliveryProperties properties) {
		FileTemplateResolver resolver = overridingResolver(properties, TemplateMode.HTML, -1);
		// "mail/x.txt" matches too, but the text resolver has already looked for it
		resolver.setResolvablePatterns(Set.of("mail/*"));
		resolver.setSuffix(".html");
		return resolver;
	}

	private static FileTemplateResolver overridingResolver(DeliveryProperties properties, TemplateMode mode,
			int order) {
		Path directory = properties.templates().directory();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new IllegalStateException("paperboy.delivery.templates.directory is not a directory: " + directory);
		}
		FileTemplateResolver resolver = new FileTemplateResolver();
		resolver.setPrefix(directory.toAbsolutePath().normalize() + "/");
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
