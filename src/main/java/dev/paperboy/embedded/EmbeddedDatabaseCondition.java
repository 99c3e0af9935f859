package dev.paperboy.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Embedded PostgreSQL runs unless a datasource URL is configured or
 * {@code paperboy.embedded.enabled=false}.
 */
class EmbeddedDatabaseCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return EmbeddedMode.active(context.getEnvironment()) ? ConditionOutcome.match("no datasource configured")
				: ConditionOutcome.noMatch("a datasource is configured or paperboy.embedded.enabled is false");
	}

}
