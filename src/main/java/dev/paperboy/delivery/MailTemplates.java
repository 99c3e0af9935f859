package dev.paperboy.delivery;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders a message from its two templates, {@code templates/mail/NAME.html} and
 * {@code templates/mail/NAME.txt}, with the same variables. Text in the HTML goes through
 * {@code th:text}, so whatever data it holds is escaped.
 */
@Component
public class MailTemplates {

	private final ITemplateEngine engine;

	MailTemplates(ITemplateEngine engine) {
		this.engine = engine;
	}

	/**
	 * A rendered message body.
	 *
	 * @param text the plain text part
	 * @param html the HTML part
	 */
	public record Rendered(String text, String html) {
	}

	public Rendered render(String name, Map<String, Object> variables) {
		Context context = new Context(Locale.ENGLISH, variables);
		return new Rendered(this.engine.process("mail/" + name + ".txt", context),
				this.engine.process("mail/" + name, context));
	}

	/**
	 * Renders one template.
	 * @param name its name under {@code templates/mail/}: {@code NAME} for HTML,
	 * {@code NAME.txt} for plain text
	 * @param variables its variables
	 * @return the output
	 */
	public String renderOne(String name, Map<String, Object> variables) {
		return this.engine.process("mail/" + name, new Context(Locale.ENGLISH, variables));
	}

}
