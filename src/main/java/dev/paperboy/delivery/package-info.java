/**
 * Sends mail: MIME writing, DKIM signing, SMTP sessions and templates for every message
 * Paperboy sends, the suppression list no message may cross, and the bounces and
 * complaints (SMTP and provider webhooks) that fill it, and the branding every email
 * wears.
 */
@ApplicationModule(displayName = "Delivery")
@ModuleTables({ "suppression", "suppression_change", "soft_bounce", "bounce_event", "mail_message", "sending_switch",
		"bounce_daily", "branding", "brand_logo" })
@NullMarked
package dev.paperboy.delivery;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
