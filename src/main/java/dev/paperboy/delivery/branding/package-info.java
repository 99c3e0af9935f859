/**
 * The branding of every email in the console and the admin API, its live previews, and
 * the public logo URL emails load.
 */
@NullMarked
package dev.paperboy.delivery.branding;

import org.jspecify.annotations.NullMarked;
