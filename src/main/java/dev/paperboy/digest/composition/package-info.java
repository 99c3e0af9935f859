/**
 * What goes into a digest: the matcher's picks, never a paper twice.
 */
@NullMarked
package dev.paperboy.digest.composition;

import org.jspecify.annotations.NullMarked;
