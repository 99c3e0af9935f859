/**
 * Bounces and complaints reported by Amazon SES (through SNS), Postmark and SendGrid
 * webhooks under {@code /webhooks/}, each request verified before anything is recorded.
 */
@NullMarked
package dev.paperboy.delivery.bounce;

import org.jspecify.annotations.NullMarked;
