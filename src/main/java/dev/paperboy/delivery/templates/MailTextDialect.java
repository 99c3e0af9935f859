package dev.paperboy.delivery.templates;

import java.util.Set;

import dev.paperboy.delivery.mime.MailText;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Makes {@link MailText} available to every template as {@code #mail}.
 */
final class MailTextDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "mail";

	MailTextDialect() {
		super("Paperboy mail text");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return MailText.INSTANCE;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
