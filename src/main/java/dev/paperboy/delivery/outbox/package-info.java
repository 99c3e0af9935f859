/**
 * The outbox workers that send every queued message, and delivery's own queue of one-off
 * emails.
 */
@NullMarked
package dev.paperboy.delivery.outbox;

import org.jspecify.annotations.NullMarked;
