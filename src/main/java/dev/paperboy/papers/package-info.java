/**
 * Keeps the catalog of papers: one row per paper whichever sources saw it, searchable by
 * full text, with popularity and vectors kept current.
 */
@ApplicationModule(displayName = "Papers")
@ModuleTables({ "paper", "paper_popularity", "paper_embedding", "paper_embedding_failure" })
@NullMarked
package dev.paperboy.papers;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
