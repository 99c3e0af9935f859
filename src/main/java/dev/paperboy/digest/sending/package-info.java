/**
 * The digest outbox that delivery's workers claim, send and settle.
 */
@NullMarked
package dev.paperboy.digest.sending;

import org.jspecify.annotations.NullMarked;
