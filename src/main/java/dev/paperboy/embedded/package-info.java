/**
 * Runs Paperboy with no setup at all: an embedded PostgreSQL under {@code ./data/}, an
 * embedded SMTP server with a web mailbox, and generated secrets, wherever nothing else
 * is configured.
 */
@ApplicationModule(displayName = "Embedded defaults")
@ModuleTables({})
@NullMarked
package dev.paperboy.embedded;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
