/**
 * arXiv as a paper source: the daily listing feeds and the query API, read as Atom.
 */
@NullMarked
package dev.paperboy.ingest.arxiv;

import org.jspecify.annotations.NullMarked;
