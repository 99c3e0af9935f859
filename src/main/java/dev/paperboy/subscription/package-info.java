/**
 * Manages subscribers: sign-up with double opt-in, the preference centre behind signed
 * links, one-click unsubscribe, consent records, liked papers and feedback, and the
 * subscriber's data rights.
 */
@ApplicationModule(displayName = "Subscription")
@ModuleTables({ "subscriber", "consent", "liked_paper", "feedback", "subscriber_daily", "subscriber_state_count",
		"subscriber_word" })
@NullMarked
package dev.paperboy.subscription;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
