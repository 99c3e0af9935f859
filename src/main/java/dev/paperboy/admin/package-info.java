/**
 * Who may use the admin API and pages: the admin bearer token for
 * {@code /api/v1/admin/**}, HTTP Basic with the same token for {@code /admin/**} in a
 * browser; everything else is public.
 */
@ApplicationModule(displayName = "Admin")
@ModuleTables({})
@NullMarked
package dev.paperboy.admin;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
