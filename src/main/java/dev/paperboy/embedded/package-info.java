/**
 * Runs Paperboy with no setup at all: an embedded PostgreSQL kept under {@code ./data/}
 * whenever no datasource is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded defaults")
package dev.paperboy.embedded;
