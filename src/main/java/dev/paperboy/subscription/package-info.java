/**
 * Manages subscribers: sign-up with double opt-in, the preference centre behind signed
 * links, one-click unsubscribe, consent records, and the subscriber's data rights.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscription")
package dev.paperboy.subscription;
