/**
 * Keeps the catalog of papers: one row per paper whichever sources saw it, searchable by
 * full text, with popularity kept current.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Papers")
package dev.paperboy.papers;
