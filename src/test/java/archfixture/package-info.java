/**
 * A small application whose modules each break an architecture rule once on purpose, so
 * the architecture tests show that every rule can fail. Outside {@code dev.paperboy}, so
 * neither Paperboy's modules nor its component scan ever see it.
 */
@NullMarked
package archfixture;

import org.jspecify.annotations.NullMarked;
