/**
 * The console's papers: search with filters, a paper's detail with its popularity, the
 * subscribers it reached and their feedback, and hiding a paper from every digest.
 */
@NullMarked
package dev.paperboy.admin.papers;

import org.jspecify.annotations.NullMarked;
