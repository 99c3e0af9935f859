package dev.paperboy.admin.config;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Every {@code paperboy.*} property (set, or its default) and the Spring ones an operator
 * asks about (database, mail, server, management), each with the property source it comes
 * from, secrets masked ({@link Masking}).
 */
@Component
class EffectiveConfiguration {

	static final List<String> SPRING_PREFIXES = List.of("spring.datasource.", "spring.mail.", "spring.flyway.",
			"spring.profiles.", "spring.application.", "spring.threads.", "spring.jpa.", "spring.servlet.multipart.",
			"spring.modulith.", "spring.security.", "server.", "management.");

	static final String DEFAULT = "default (not set)";

	private final ConfigurableEnvironment environment;

	private final ApplicationContext context;

	private final ObjectProvider<JdbcConnectionDetails> database;

	private final ObjectProvider<JavaMailSenderImpl> mail;

	EffectiveConfiguration(ConfigurableEnvironment environment, ApplicationContext context,
			ObjectProvider<JdbcConnectionDetails> database, ObjectProvider<JavaMailSenderImpl> mail) {
		this.environment = environment;
		this.context = context;
		this.database = database;
		this.mail = mail;
	}

	/**
	 * One property.
	 *
	 * @param name its name, canonical ({@code paperboy.delivery.from-name})
	 * @param value its value as shown (masked where secret)
	 * @param source where it comes from: a property source's name, or its default
	 * @param masked whether the value is hidden
	 */
	public record Property(String name, String value, String source, boolean masked) {
	}

	List<Property> properties() {
		Map<String, Property> properties = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			String sourceName = sourceName(source);
			iterable.stream()
				.map(ConfigurationPropertyName::toString)
				.filter(EffectiveConfiguration::shown)
				.filter((name) -> !properties.containsKey(name))
				.forEach((name) -> properties.put(name, property(name, value(source, name), sourceName)));
		}
		defaults(properties);
		connections(properties);
		return properties.values().stream().sorted(Comparator.comparing(Property::name)).toList();
	}

	static boolean shown(String name) {
		return name.startsWith("paperboy.") || SPRING_PREFIXES.stream().anyMatch(name::startsWith);
	}

	// The value as the application sees it (placeholders resolved), else as written
	private String value(ConfigurationPropertySource source, String name) {
		String resolved = this.environment.getProperty(name);
		if (resolved != null) {
			return resolved;
		}
		ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.of(name));
		return (property != null && property.getValue() != null) ? String.valueOf(property.getValue()) : "";
	}

	private static String sourceName(ConfigurationPropertySource source) {
		return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource) ? propertySource.getName()
				: String.valueOf(source.getUnderlyingSource());
	}

	private static Property property(String name, String value, String source) {
		String shown = Masking.mask(name, value);
		return new Property(name, shown, source, !shown.equals(value));
	}

	// The paperboy.* properties nobody set, with the value they are bound to
	private void defaults(Map<String, Property> properties) {
		for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(this.context).values()) {
			String prefix = bean.getAnnotation().prefix();
			if (!prefix.startsWith("paperboy")) {
				continue;
			}
			Map<String, String> flat = new LinkedHashMap<>();
			flatten(prefix, bean.getInstance(), flat, 0);
			flat.forEach((name, value) -> {
				boolean set = properties.keySet()
					.stream()
					.anyMatch((known) -> known.equals(name) || known.startsWith(name + "[")
							|| known.startsWith(name + "."));
				if (!set) {
					properties.put(name, property(name, value, DEFAULT));
				}
			});
		}
	}

	private static void flatten(String prefix, @Nullable Object value, Map<String, String> flat, int depth) {
		if (value != null && value.getClass().isRecord() && depth < 6) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				try {
					flatten(prefix + "." + dashed(component.getName()), component.getAccessor().invoke(value), flat,
							depth + 1);
				}
				catch (ReflectiveOperationException ex) {
					flat.put(prefix + "." + dashed(component.getName()), "(unreadable)");
				}
			}
			return;
		}
		flat.put(prefix, text(value));
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Duration duration) {
			for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
				if (!duration.isZero() && duration.toMillis() % unit.getDuration().toMillis() == 0) {
					return DurationStyle.SIMPLE.print(duration, unit);
				}
			}
			return DurationStyle.SIMPLE.print(duration);
		}
		if (value instanceof DataSize size) {
			for (DataUnit unit : List.of(DataUnit.GIGABYTES, DataUnit.MEGABYTES, DataUnit.KILOBYTES)) {
				long bytes = DataSize.of(1, unit).toBytes();
				if (size.toBytes() > 0 && size.toBytes() % bytes == 0) {
					return (size.toBytes() / bytes) + unit.name().substring(0, 1) + "B";
				}
			}
			return size.toBytes() + "B";
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(EffectiveConfiguration::text).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

	private static String dashed(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	// The database and mail server in use when they come from beans rather than
	// properties (Docker Compose, Testcontainers, the embedded mode)
	private void connections(Map<String, Property> properties) {
		JdbcConnectionDetails database = this.database.getIfAvailable();
		if (database != null && !properties.containsKey("spring.datasource.url")) {
			String source = "connection details (" + database.getClass().getSimpleName() + ")";
			properties.put("spring.datasource.url", property("spring.datasource.url", database.getJdbcUrl(), source));
			if (database.getUsername() != null && !properties.containsKey("spring.datasource.username")) {
				properties.put("spring.datasource.username",
						property("spring.datasource.username", database.getUsername(), source));
			}
		}
		JavaMailSenderImpl mail = this.mail.getIfAvailable();
		if (mail != null && !properties.containsKey("spring.mail.host") && mail.getHost() != null) {
			properties.put("spring.mail.host", property("spring.mail.host", mail.getHost(), "mail sender bean"));
			properties.put("spring.mail.port",
					property("spring.mail.port", String.valueOf(mail.getPort()), "mail sender bean"));
		}
	}

}
