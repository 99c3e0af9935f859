/**
 * Tells the running instances of the service apart: each one beats in the database every
 * few seconds, and the leases of one that stopped beating are given back at once.
 */
@ApplicationModule(displayName = "Instance")
@ModuleTables("instance")
@NullMarked
package dev.paperboy.instance;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
