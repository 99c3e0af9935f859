/**
 * The admin API of fetching: sources, runs, fetch now and file uploads.
 */
@NullMarked
package dev.paperboy.ingest.web;

import org.jspecify.annotations.NullMarked;
