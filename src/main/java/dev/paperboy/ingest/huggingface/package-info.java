/**
 * Hugging Face Daily Papers as a paper source.
 */
@NullMarked
package dev.paperboy.ingest.huggingface;

import org.jspecify.annotations.NullMarked;
