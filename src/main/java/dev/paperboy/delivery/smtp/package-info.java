/**
 * SMTP connections for sending many messages over one, each send's outcome classified.
 */
@NullMarked
package dev.paperboy.delivery.smtp;

import org.jspecify.annotations.NullMarked;
