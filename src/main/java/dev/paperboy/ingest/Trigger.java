package dev.paperboy.ingest;

/**
 * What started a fetch run.
 */
public enum Trigger {

	/** The source's cron schedule. */
	SCHEDULED,

	/** An operator, through the admin API. */
	MANUAL,

	/** A file uploaded through the admin API or dropped in the import directory. */
	IMPORT,

	/** The {@code import} command line. */
	COMMAND,

	/** The bundled demo papers, imported once in the embedded default. */
	DEMO

}
