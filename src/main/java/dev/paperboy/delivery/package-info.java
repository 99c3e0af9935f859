/**
 * Sends mail: MIME writing, DKIM signing, SMTP sessions and templates for every message
 * Paperboy sends, the suppression list no message may cross, and the bounces and
 * complaints (SMTP and provider webhooks) that fill it.
 */
@ApplicationModule(displayName = "Delivery")
@ModuleTables({ "suppression", "soft_bounce", "bounce_event", "mail_message", "sending_switch", "bounce_daily" })
@NullMarked
package dev.paperboy.delivery;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
