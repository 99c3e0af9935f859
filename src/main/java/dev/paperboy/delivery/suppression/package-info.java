/**
 * The suppression list in the console and the admin API: search, add and remove, each
 * change recorded with its reason.
 */
@NullMarked
package dev.paperboy.delivery.suppression;

import org.jspecify.annotations.NullMarked;
