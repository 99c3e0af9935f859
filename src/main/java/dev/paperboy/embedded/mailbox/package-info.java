/**
 * The web mailbox at {@code /admin/mailbox}: the mail the embedded SMTP server received.
 */
@NullMarked
package dev.paperboy.embedded.mailbox;

import org.jspecify.annotations.NullMarked;
