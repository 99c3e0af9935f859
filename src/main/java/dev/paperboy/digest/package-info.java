/**
 * Digests: when each subscriber's digest is due, what goes into it, and the outbox that
 * sends it exactly once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digests")
package dev.paperboy.digest;
