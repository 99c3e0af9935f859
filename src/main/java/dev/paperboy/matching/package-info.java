/**
 * Decides what each subscriber reads. So far: the embedding model and the worker that
 * gives every paper its vector after ingest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package dev.paperboy.matching;
