/**
 * Digests: when each subscriber's digest is due, what goes into it, how it reads (mail,
 * browser, Atom feed), and the outbox that sends it exactly once.
 */
@ApplicationModule(displayName = "Digests")
@ModuleTables({ "digest_schedule", "digest", "digest_paper", "digest_daily" })
@NullMarked
package dev.paperboy.digest;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
