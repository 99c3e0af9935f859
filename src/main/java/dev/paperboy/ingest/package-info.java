/**
 * Fetches new paper batches from Hugging Face Daily Papers, arXiv and files, records
 * every fetch run, and hands valid records to the paper catalog.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package dev.paperboy.ingest;
