/**
 * When each digest is due: the DST-safe calendar and the schedule table.
 */
@NullMarked
package dev.paperboy.digest.schedule;

import org.jspecify.annotations.NullMarked;
