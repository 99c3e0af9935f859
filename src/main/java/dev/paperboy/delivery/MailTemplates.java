package dev.paperboy.delivery;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.paperboy.delivery.mime.MailStencil;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.util.FastStringWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.stereotype.Component;

/**
 * Renders a message from its two templates, {@code templates/mail/NAME.html} and
 * {@code templates/mail/NAME.txt}, with the same variables. Text in the HTML goes through
 * {@code th:text}, so whatever data it holds is escaped. Every template gets
 * {@code ${brand}}, the {@link Brand} in force, unless its variables bring their own (a
 * preview of unsaved values).
 */
@Component
public class MailTemplates {

	private final ITemplateEngine engine;

	private final ApplicationContext application;

	private final ConversionService conversions = DefaultConversionService.getSharedInstance();

	private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

	private final ObjectProvider<Branding> branding;

	private final Brand defaults;

	private volatile @Nullable Branding resolved;

	MailTemplates(ITemplateEngine engine, ApplicationContext application, DeliveryProperties properties,
			ObjectProvider<Branding> branding) {
		this.engine = engine;
		this.application = application;
		this.branding = branding;
		this.defaults = Brand.defaults(properties.fromName());
	}

	/**
	 * @return the branding the templates get when their variables hold none: the saved
	 * one, or the bundled look where there is no database (template tests)
	 */
	public Brand brand() {
		Branding branding = this.resolved;
		if (branding == null) {
			// looked up once it is needed: Branding is built after the templates
			branding = this.branding.getIfAvailable();
			if (branding == null) {
				return this.defaults;
			}
			this.resolved = branding;
		}
		return branding.current();
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
		Context context = context(variables);
		return new Rendered(process("mail/" + name + ".txt", context), process("mail/" + name, context));
	}

	/**
	 * Renders a message once for many recipients: variables hold the markers of
	 * {@code slots} where each recipient's values go.
	 * @param name the templates' name, as for {@link #render}
	 * @param variables their variables, with markers
	 * @param slots the markers' slots
	 * @return the stencil
	 * @throws MailStencil.NotStencilable when the templates do with a marker what a
	 * stencil cannot reproduce
	 */
	public MailStencil stencil(String name, Map<String, Object> variables, MailStencil.Slots slots) {
		try (MailStencil.Recording recording = MailStencil.record()) {
			return MailStencil.of(render(name, variables), recording, slots);
		}
		catch (TemplateProcessingException ex) {
			MailStencil.NotStencilable cause = cause(ex);
			if (cause != null) {
				throw cause;
			}
			throw ex;
		}
	}

	private static MailStencil.@Nullable NotStencilable cause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MailStencil.NotStencilable notStencilable) {
				return notStencilable;
			}
		}
		return null;
	}

	/**
	 * Renders one template.
	 * @param name its name under {@code templates/mail/}: {@code NAME} for HTML,
	 * {@code NAME.txt} for plain text
	 * @param variables its variables
	 * @return the output
	 */
	public String renderOne(String name, Map<String, Object> variables) {
		return process("mail/" + name, context(variables));
	}

	// Given no evaluation context, Thymeleaf makes a new one for every template it
	// renders, with a new reflective property accessor whose caches start empty: every
	// property a template read was looked up again with Class.getMethods(). This one
	// reads properties through Spring's shared accessor. One per rendering: the engine
	// sets per-template state on it.
	private Context context(Map<String, Object> variables) {
		Context context;
		if (variables.containsKey("brand")) {
			context = new Context(Locale.ENGLISH, variables);
		}
		else {
			Map<String, Object> branded = new HashMap<>(variables);
			branded.put("brand", brand());
			context = new Context(Locale.ENGLISH, branded);
		}
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, this.conversions));
		return context;
	}

	// Into a buffer the size of this template's last output: the engine's own starts at
	// 100 characters and doubles its way to a digest's 40,000, copying each time.
	private String process(String template, Context context) {
		FastStringWriter out = new FastStringWriter(this.sizes.getOrDefault(template, 1024));
		this.engine.process(template, context, out);
		String result = out.toString();
		this.sizes.put(template, Math.min(result.length() + result.length() / 8 + 64, 1 << 20));
		return result;
	}

}
