/**
 * Fetches new paper batches from Hugging Face Daily Papers, arXiv and files, records
 * every fetch run, and hands valid records to the paper catalog.
 */
@ApplicationModule(displayName = "Ingest")
@ModuleTables({ "fetch_run", "fetch_rejection" })
@NullMarked
package dev.paperboy.ingest;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
