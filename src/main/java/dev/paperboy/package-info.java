/**
 * Paperboy's application class and what every module shares: nothing but the declaration
 * of which tables a module owns.
 */
@NullMarked
package dev.paperboy;

import org.jspecify.annotations.NullMarked;
