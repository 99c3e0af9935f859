package dev.paperboy.embedded;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The embedded defaults.
 *
 * @param enabled whether to run embedded services when nothing else is configured;
 * setting {@code spring.datasource.url} turns the embedded database off regardless
 * @param dataDir where embedded services keep their data between restarts
 * @param postgresPort port of the embedded PostgreSQL on 127.0.0.1, 0 for any free port
 * @param smtpPort port of the embedded SMTP server on 127.0.0.1, 0 for any free port
 * @param postgresPassword password of the embedded PostgreSQL's superuser, generated into
 * {@code secrets.properties} at the first start; set again at every start
 */
@ConfigurationProperties("paperboy.embedded")
@Validated
public record EmbeddedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("data") Path dataDir,
		@DefaultValue("0") @Min(0) @Max(65535) int postgresPort, @DefaultValue("0") @Min(0) @Max(65535) int smtpPort,
		@Nullable String postgresPassword) {

}
