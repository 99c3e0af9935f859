/**
 * How a digest reads: its view, templates, stencils and paper headings.
 */
@NullMarked
package dev.paperboy.digest.render;

import org.jspecify.annotations.NullMarked;
