/**
 * Fetching from remote sources over HTTP, with timeouts, bounded retries and pacing.
 */
@NullMarked
package dev.paperboy.ingest.http;

import org.jspecify.annotations.NullMarked;
